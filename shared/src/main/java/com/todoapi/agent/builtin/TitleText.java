package com.todoapi.agent.builtin;

import java.util.regex.Pattern;

/** Turns the words the person used for a task into the title (or description) the tool gets. */
final class TitleText {
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:!?]+$");
    private static final String OPENING_QUOTES = "\"'`\u201C\u2018\u00AB";
    private static final String CLOSING_QUOTES = "\"'`\u201D\u2019\u00BB";

    private TitleText() {
    }

    /** Unquoted, without trailing punctuation, first letter capitalised; never cut (too long is refused). */
    static String title(String raw) {
        String text = unquoted(raw);
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        text = new StringBuilder().appendCodePoint(Character.toTitleCase(first))
                .append(text, Character.charCount(first), text.length()).toString();
        return text;
    }

    /** Unquoted, without trailing punctuation, otherwise as typed. */
    static String description(String raw) {
        return unquoted(raw);
    }

    private static String unquoted(String raw) {
        String text = raw == null ? "" : raw.strip();
        String previous;
        do {
            previous = text;
            text = TRAILING_PUNCTUATION.matcher(text).replaceFirst("");
            if (text.length() >= 2 && isQuotePair(text.charAt(0), text.charAt(text.length() - 1))) {
                text = text.substring(1, text.length() - 1).strip();
            }
        } while (!text.equals(previous));
        return text;
    }

    private static boolean isQuotePair(char first, char last) {
        int opening = OPENING_QUOTES.indexOf(first);
        return opening >= 0 && CLOSING_QUOTES.indexOf(last) == opening;
    }
}
