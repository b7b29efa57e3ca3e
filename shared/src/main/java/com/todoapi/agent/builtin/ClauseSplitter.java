package com.todoapi.agent.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a message into the requests it makes, one clause each: "add milk and mark it as done",
 * "add milk, then show my tasks". A separator only counts when an action verb follows it, so
 * "add salt and pepper" stays one request; quoted text is never cut.
 */
final class ClauseSplitter {

    /** A clause, and the text that joined it to the one before ("" for the first). */
    record Clause(String joiner, String text) {
    }

    private static final String ACTION_AHEAD = "(?=(?:please\\s+)?(?:mark|complete|finish|delete|remove|change"
            + "|rename|update|add|show|list|create|check|tick|edit|display|move|reschedule|postpone|push|bump|tag|label"
            + "|make|set|prioriti[sz]e|find|search|what's|whats)\\b)";
    private static final Pattern SEPARATOR = Pattern.compile(
            "\\s*[,;.]?\\s+(?:and\\s+then|and\\s+also|and|then|also|plus)\\s+" + ACTION_AHEAD
                    + "|\\s*[,;]\\s*" + ACTION_AHEAD
                    + "|\\.\\s+" + ACTION_AHEAD,
            Utterances.FLAGS);
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|(?<!\\w)'[^']*'(?!\\w)");

    List<Clause> split(String message) {
        List<int[]> quoted = quotedSpans(message);
        List<Clause> clauses = new ArrayList<>();
        String joiner = "";
        int start = 0;
        Matcher separator = SEPARATOR.matcher(message);
        while (separator.find()) {
            if (separator.start() == 0 || isInside(quoted, separator.start())) {
                continue;
            }
            clauses.add(new Clause(joiner, message.substring(start, separator.start())));
            joiner = separator.group();
            start = separator.end();
        }
        clauses.add(new Clause(joiner, message.substring(start)));
        return clauses;
    }

    private static List<int[]> quotedSpans(String message) {
        List<int[]> spans = new ArrayList<>();
        Matcher quote = QUOTED.matcher(message);
        while (quote.find()) {
            spans.add(new int[] {quote.start(), quote.end()});
        }
        return spans;
    }

    private static boolean isInside(List<int[]> spans, int position) {
        return spans.stream().anyMatch(span -> position > span[0] && position < span[1]);
    }
}
