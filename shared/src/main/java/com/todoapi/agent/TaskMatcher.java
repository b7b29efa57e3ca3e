package com.todoapi.agent;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Finds the tasks a person means by some words of the title ("the meeting task"). */
final class TaskMatcher {

    /** Tasks whose title holds every word; an exact title wins over partial matches. */
    List<TaskView> matching(List<TaskView> tasks, String words) {
        String phrase = words.strip().toLowerCase(Locale.ROOT);
        List<String> needles = Arrays.stream(phrase.split("\\s+")).filter(word -> !word.isEmpty()).toList();
        if (needles.isEmpty()) {
            return List.of();
        }
        List<TaskView> exact = tasks.stream().filter(task -> task.title().strip().equalsIgnoreCase(phrase)).toList();
        if (exact.size() == 1) {
            return exact;
        }
        return tasks.stream().filter(task -> containsAll(task.title().toLowerCase(Locale.ROOT), needles)).toList();
    }

    private static boolean containsAll(String title, List<String> needles) {
        return needles.stream().allMatch(title::contains);
    }
}
