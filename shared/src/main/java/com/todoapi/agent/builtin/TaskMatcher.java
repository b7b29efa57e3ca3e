package com.todoapi.agent.builtin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Finds the tasks a person means by some words of the title ("the meeting task", "paying rent").
 * Stricter readings win over looser ones: the exact title, then every word found as typed (or as
 * the start of a title word), then every word found in another form ("paying" for "Pay"), then
 * with a small typo. Within the reading that finds anything, every task it finds is returned,
 * so two tasks that could both be meant come back as two, and the agent asks.
 */
final class TaskMatcher {
    private static final Pattern NOT_A_WORD_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}']+");
    private static final int MIN_PREFIX = 3;

    private final Lexicon lexicon;
    private final WordForms forms;

    TaskMatcher(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.forms = new WordForms(lexicon);
    }

    List<TaskView> matching(List<TaskView> tasks, String words) {
        List<String> typed = words(words);
        List<String> needles = typed.stream().filter(word -> !lexicon.isIgnored(word)).toList();
        if (needles.isEmpty()) {
            needles = typed;
        }
        if (needles.isEmpty()) {
            return List.of();
        }
        String phrase = String.join(" ", typed);
        List<TaskView> exact = tasks.stream().filter(task -> String.join(" ", words(task.title())).equals(phrase)).toList();
        if (exact.size() == 1) {
            return exact;
        }
        List<BiPredicate<String, String>> readings = List.of(
                (needle, word) -> word.equals(needle) || needle.length() >= MIN_PREFIX && word.startsWith(needle),
                (needle, word) -> forms.stem(word).equals(forms.stem(needle)),
                (needle, word) -> WordForms.typos(forms.stem(word), forms.stem(needle))
                        <= WordForms.allowedTypos(Math.min(word.length(), needle.length()))
                        || WordForms.typos(word, needle) <= WordForms.allowedTypos(Math.min(word.length(), needle.length())));
        for (BiPredicate<String, String> sameWord : readings) {
            List<String> wanted = needles;
            List<TaskView> found = tasks.stream().filter(task -> hasEvery(words(task.title()), wanted, sameWord)).toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static boolean hasEvery(List<String> titleWords, List<String> needles, BiPredicate<String, String> sameWord) {
        return needles.stream().allMatch(needle -> titleWords.stream().anyMatch(word -> sameWord.test(needle, word)));
    }

    private static List<String> words(String text) {
        return Arrays.stream(NOT_A_WORD_CHARACTER.split(text.toLowerCase(Locale.ROOT).replace('\u2019', '\'')))
                .map(word -> word.replaceAll("^'+|'+$", ""))
                .filter(word -> !word.isEmpty()).toList();
    }
}
