package com.todoapi.agent.builtin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words one message is read with: English, plus the language the message was written in
 * when that is another one (its numbers, articles and "and" join English's), and the replies
 * in that language (English where it has none). Built once per language when the agent loads.
 */
final class Lexicon {
    private final String code;
    private final Map<String, Integer> numbers;
    private final Map<String, Integer> positions;
    private final Map<String, Integer> positionsFromEnd;
    private final Set<String> verbs;
    private final List<String> commandWords;
    private final Map<String, String> misspellings;
    private final Map<String, String> irregularForms;
    private final Set<String> ignoredWords;
    private final Map<String, String> replies;
    private final Pattern articles;
    private final Pattern conjunction;
    private final Pattern listSeparator;
    private final Pattern position;

    Lexicon(Language english, Optional<Language> other) {
        List<Language> both = new ArrayList<>();
        both.add(english);
        other.ifPresent(both::add);
        code = other.map(Language::code).orElse(english.code());
        numbers = merged(both, Language::numbers);
        positions = merged(both, Language::positions);
        positionsFromEnd = merged(both, Language::positionsFromEnd);
        misspellings = merged(both, Language::misspellings);
        irregularForms = merged(both, Language::irregularForms);
        Map<String, String> texts = new HashMap<>(english.replies());
        other.ifPresent(language -> texts.putAll(language.replies()));
        replies = Map.copyOf(texts);
        verbs = both.stream().flatMap(language -> language.verbs().stream()).collect(Collectors.toUnmodifiableSet());
        ignoredWords = both.stream().flatMap(language -> language.ignoredWords().stream())
                .collect(Collectors.toUnmodifiableSet());
        commandWords = both.stream().flatMap(language -> language.commandWords().stream()).distinct().toList();
        articles = Pattern.compile("^(?:" + alternatives(both.stream().flatMap(l -> l.articles().stream()).toList())
                + ")\\s+", Language.FLAGS);
        String conjunctions = alternatives(both.stream().flatMap(l -> l.conjunctions().stream()).toList());
        conjunction = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + conjunctions + ")(?![\\p{L}\\p{N}])", Language.FLAGS);
        listSeparator = Pattern.compile("\\s*(?:,|;)\\s*(?:(?:" + conjunctions + ")\\s+)?|\\s+(?:" + conjunctions + ")\\s+",
                Language.FLAGS);
        List<String> positionWords = new ArrayList<>(positions.keySet());
        positionWords.addAll(positionsFromEnd.keySet());
        position = Pattern.compile("(" + alternatives(positionWords) + ")", Language.FLAGS);
    }

    /** "en", or the code of the language the message was written in. */
    String code() {
        return code;
    }

    OptionalInt number(String word) {
        Integer value = numbers.get(word.toLowerCase(java.util.Locale.ROOT));
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /** "second" is 2; "last" is -1, "second to last" -2 (counted from the end). */
    OptionalInt position(String words) {
        String key = words.toLowerCase(java.util.Locale.ROOT);
        if (positions.containsKey(key)) {
            return OptionalInt.of(positions.get(key));
        }
        return positionsFromEnd.containsKey(key) ? OptionalInt.of(-positionsFromEnd.get(key)) : OptionalInt.empty();
    }

    /** Matches one position word or phrase, as group 1. */
    Pattern positionWords() {
        return position;
    }

    Pattern leadingArticle() {
        return articles;
    }

    /** "and", "&", "y": a word that joins two items. */
    Pattern conjunction() {
        return conjunction;
    }

    /** What separates the items of a list: a comma (with or without "and"), or "and". */
    Pattern listSeparator() {
        return listSeparator;
    }

    boolean isVerb(String word) {
        return verbs.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    List<String> commandWords() {
        return commandWords;
    }

    Optional<String> misspelling(String word) {
        return Optional.ofNullable(misspellings.get(word.toLowerCase(java.util.Locale.ROOT)));
    }

    Optional<String> irregularForm(String word) {
        return Optional.ofNullable(irregularForms.get(word));
    }

    boolean isIgnored(String word) {
        return ignoredWords.contains(word);
    }

    /** The reply text for {@code key}, or {@code key} itself when no language has it. */
    String reply(String key) {
        return replies.getOrDefault(key, key);
    }

    boolean hasReply(String key) {
        return replies.containsKey(key);
    }

    private static <V> Map<String, V> merged(List<Language> languages,
                                             java.util.function.Function<Language, Map<String, V>> part) {
        Map<String, V> merged = new HashMap<>();
        languages.forEach(language -> merged.putAll(part.apply(language)));
        return Map.copyOf(merged);
    }

    /** Longest first, so "second to last" wins over "second". */
    private static String alternatives(List<String> words) {
        Set<String> seen = new HashSet<>();
        return words.stream().filter(seen::add).sorted(Comparator.comparingInt(String::length).reversed())
                .map(word -> Pattern.quote(word).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|"));
    }
}
