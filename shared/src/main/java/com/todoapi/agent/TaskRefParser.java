package com.todoapi.agent;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the words that name a task ("task 3", "#4", "it", "the meeting task") into a {@link TaskRef}. */
final class TaskRefParser {
    /** Task numbers fit a long; a longer run of digits names no task. */
    private static final int MAX_ID_DIGITS = 18;
    private static final Pattern PREVIOUS = Pattern.compile(
            "(?:it|that|this|that one|this one|that task|this task|the same task|the same one)", Utterances.FLAGS);
    private static final Pattern BY_NUMBER = Pattern.compile(
            "(?:(?:the|my)\\s+)?(?:(?:task|item|todo|to-do|entry)\\s*)?(?:(?:number|num|no\\.?)\\s*)?#?\\s*"
                    + "(\\d+)(?:st|nd|rd|th)?(?:\\s+(?:task|item|todo|one))?",
            Utterances.FLAGS);
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?:the|my|a|an|that|this)\\s+", Utterances.FLAGS);
    private static final Pattern LEADING_CALLED = Pattern.compile(
            "^(?:task|todo|to-do|item|one|entry)s?\\s+(?:called|named|titled|about|for|to|that says|saying)\\s+",
            Utterances.FLAGS);
    private static final Pattern TRAILING_NOUN = Pattern.compile("\\s+(?:task|todo|to-do|item|one|entry)s?$",
            Utterances.FLAGS);
    /** Words too vague to pick a task by: "delete all tasks" is not a request to delete one. */
    private static final Pattern TOO_VAGUE = Pattern.compile(
            "(?:all|everything|every(?:\\s+\\w+)?|all\\s+\\w+|any|anything|tasks?|todos?|items?|something|one|them|those|these)",
            Utterances.FLAGS);
    private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

    Optional<TaskRef> parse(String words) {
        String target = TitleText.description(words);
        if (PREVIOUS.matcher(target).matches()) {
            return Optional.of(new TaskRef.Previous());
        }
        Matcher number = BY_NUMBER.matcher(target);
        if (number.matches()) {
            return number.group(1).length() > MAX_ID_DIGITS ? Optional.empty()
                    : Optional.of(new TaskRef.ById(Long.parseLong(number.group(1))));
        }
        String name = titleWords(target);
        if (name.isEmpty() || TOO_VAGUE.matcher(name).matches() || !HAS_LETTER_OR_DIGIT.matcher(name).find()) {
            return Optional.empty();
        }
        return Optional.of(new TaskRef.ByName(name));
    }

    /** "the task called groceries" and "the groceries task" both come down to "groceries". */
    private static String titleWords(String target) {
        String name = target;
        String previous;
        do {
            previous = name;
            name = LEADING_ARTICLE.matcher(name).replaceFirst("");
            name = LEADING_CALLED.matcher(name).replaceFirst("");
            name = TRAILING_NOUN.matcher(name).replaceFirst("");
            name = TitleText.description(name);
        } while (!name.equals(previous));
        return name;
    }
}
