package com.todoapi.agent.builtin;

import java.util.regex.Pattern;

/** Tidies what the person typed so the readers only see the words that carry meaning. */
final class Utterances {
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s,;:.!?]+|[\\s,;:.!?]+$");
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:please|pls|plz|kindly|hey|hi|hello|yo|ok|okay|alright|so|also|now|and|then|just|oh|um|uh|well|quick(?:ly)?"
                    + "|hey\\s+there|right|sure|great|cool|thanks|actually|btw|by\\s+the\\s+way"
                    + "|would\\s+you\\s+mind|(?:can|could|would|will)\\s+(?:you|u|ya)(?:\\s+please|\\s+pls)?|(?:can|could|may)\\s+i"
                    + "|i\\s+was\\s+wondering\\s+if\\s+you\\s+could|do\\s+me\\s+a\\s+favou?r\\s+and|be\\s+a\\s+dear\\s+and"
                    + "|go\\s+ahead\\s+and|let's|let\\s+me"
                    + "|i(?:\\s+want|\\s+need|\\s+would\\s+like|'d\\s+like)\\s+(?:you\\s+)?to(?=\\s+(?:add|create|mark"
                    + "|complete|finish|delete|remove|rename|change|update|edit|see|list|show|check|view)\\b)"
                    + ")\\b[\\s,:]*",
            FLAGS);
    private static final Pattern TRAILING_POLITENESS = Pattern.compile(
            "[\\s,]+(?:please|pls|plz|thanks|thank\\s+you(?:\\s+so\\s+much)?|thx|ty|for\\s+me|if\\s+you\\s+can|when\\s+you\\s+can)$", FLAGS);

    private Utterances() {
    }

    /** One line, straight quotes, single spaces; "" for null. */
    static String normalize(String message) {
        if (message == null) {
            return "";
        }
        String text = message.replace('\u2019', '\'').replace('\u2018', '\'')
                .replace('\u201C', '"').replace('\u201D', '"');
        text = CONTROL_CHARACTERS.matcher(text).replaceAll(" ");
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /** Without the punctuation around it ("What's pending?" reads as "What's pending"). */
    static String trimEdges(String clause) {
        return EDGE_PUNCTUATION.matcher(clause).replaceAll("");
    }

    /** Without "please", "could you", "thanks" and the like around the request. */
    static String stripFillers(String clause) {
        String current = trimEdges(clause);
        String previous;
        do {
            previous = current;
            current = LEADING_FILLER.matcher(current).replaceFirst("");
            current = TRAILING_POLITENESS.matcher(current).replaceFirst("");
            current = trimEdges(current);
        } while (!current.equals(previous));
        return current;
    }
}
