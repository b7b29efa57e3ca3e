package com.todoapi.agent.builtin;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One language as its resource file ({@code languages/xx.json}) describes it: the words the
 * agent needs (numbers, positions, articles, "and", common verbs, misspellings), the replies,
 * and for a language other than English the rewrites that turn its commands into the English
 * forms the readers know. Immutable once read.
 */
record Language(String code, Optional<Pattern> detect, List<Rewrite> rewrites, Map<String, Integer> numbers,
                Map<String, Integer> positions, Map<String, Integer> positionsFromEnd, List<String> articles,
                List<String> conjunctions, Set<String> verbs, List<String> commandWords, Map<String, String> misspellings,
                Map<String, String> irregularForms, Set<String> ignoredWords, Map<String, String> replies) {

    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** A find-and-replace over the whole message ({@code $1} for the first group). */
    record Rewrite(Pattern match, String replace) {
        String apply(String text) {
            return match.matcher(text).replaceAll(replace);
        }
    }

    Language {
        rewrites = List.copyOf(rewrites);
        numbers = Map.copyOf(numbers);
        positions = Map.copyOf(positions);
        positionsFromEnd = Map.copyOf(positionsFromEnd);
        articles = List.copyOf(articles);
        conjunctions = List.copyOf(conjunctions);
        verbs = Set.copyOf(verbs);
        commandWords = List.copyOf(commandWords);
        misspellings = Map.copyOf(misspellings);
        irregularForms = Map.copyOf(irregularForms);
        ignoredWords = Set.copyOf(ignoredWords);
        replies = Map.copyOf(replies);
    }

    /** The message with this language's rewrites applied, in file order. */
    String rewrite(String message) {
        String text = message;
        for (Rewrite rewrite : rewrites) {
            text = rewrite.apply(text);
        }
        return text;
    }

    boolean isSpokenIn(String message) {
        return detect.map(pattern -> pattern.matcher(message).find()).orElse(false);
    }

    static Language read(JsonNode file) {
        String code = file.path("code").asText("");
        if (code.isEmpty()) {
            throw new IllegalStateException("a language file without \"code\"");
        }
        List<Rewrite> rewrites = new ArrayList<>();
        for (JsonNode rule : file.path("rewrites")) {
            rewrites.add(new Rewrite(Pattern.compile(rule.path("match").asText(), FLAGS), rule.path("replace").asText("")));
        }
        Optional<Pattern> detect = file.hasNonNull("detect")
                ? Optional.of(Pattern.compile(file.get("detect").asText(), FLAGS)) : Optional.empty();
        return new Language(code, detect, rewrites, numbers(file.path("numbers")), numbers(file.path("positions")),
                numbers(file.path("positions_from_end")), words(file.path("articles")), words(file.path("conjunctions")),
                new LinkedHashSet<>(words(file.path("verbs"))), words(file.path("command_words")),
                texts(file.path("misspellings"), true), texts(file.path("irregular_forms"), true),
                new LinkedHashSet<>(words(file.path("ignored_words"))), texts(file.path("replies"), false));
    }

    private static Map<String, Integer> numbers(JsonNode object) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        object.properties().forEach(entry -> numbers.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue().asInt()));
        return numbers;
    }

    private static List<String> words(JsonNode array) {
        List<String> words = new ArrayList<>();
        array.forEach(word -> words.add(word.asText().toLowerCase(Locale.ROOT)));
        return words;
    }

    private static Map<String, String> texts(JsonNode object, boolean lowerCase) {
        Map<String, String> texts = new LinkedHashMap<>();
        object.properties().forEach(entry -> texts.put(lowerCase ? entry.getKey().toLowerCase(Locale.ROOT) : entry.getKey(),
                lowerCase ? entry.getValue().asText().toLowerCase(Locale.ROOT) : entry.getValue().asText()));
        return texts;
    }
}
