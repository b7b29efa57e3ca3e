package com.todoapi.tasks;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as a search compares it: compatibility-decomposed, accents (combining marks) removed, lower case. */
public final class SearchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    public static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The words of a query, folded. */
    public static List<String> words(String query) {
        return Arrays.stream(SPACES.split(fold(query).strip())).filter(word -> !word.isEmpty()).toList();
    }

    /** Whether every word occurs in the title or the description. */
    public static boolean matches(Task task, List<String> words) {
        String haystack = fold(task.title()) + "\n" + fold(task.description());
        return words.stream().allMatch(haystack::contains);
    }
}
