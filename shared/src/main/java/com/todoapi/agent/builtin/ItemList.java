package com.todoapi.agent.builtin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells a list of things to add from one title that contains "and", as a person would:
 * <ul>
 *   <li>every item starts with a verb ("buy milk and call the plumber", "pay rent, book flights"): a list;</li>
 *   <li>no item starts with a verb and there is a comma ("milk, eggs and bread"): a list;</li>
 *   <li>no verb and no comma ("salt and pepper", "fish and chips"): one title, a pair that belongs together;</li>
 *   <li>only the first item has a verb ("buy milk, eggs and bread"): one title, the verb is shared;</li>
 *   <li>a later item has a verb the first lacks ("milk and call the plumber"): a list.</li>
 * </ul>
 * Quoted text is one title whatever it holds.
 */
final class ItemList {
    private static final Pattern QUOTED = Pattern.compile("^([\"'`\u201C\u2018]).*\\1$|^\u201C.*\u201D$", Pattern.DOTALL);
    private static final Pattern FIRST_WORD = Pattern.compile("^[^\\p{L}]*([\\p{L}'-]+)");
    private static final int MAX_ITEMS = 20;
    private static final Pattern LEADING_TO = Pattern.compile("^to\\s+(?=\\S)", Pattern.CASE_INSENSITIVE);

    private final Lexicon lexicon;

    ItemList(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The titles the words name: one, or several when they are a list. */
    List<String> items(String words) {
        String text = words.strip();
        if (QUOTED.matcher(text).matches()) {
            return List.of(text);
        }
        // "renew my passport and to book a dentist": the repeated "to" is no part of the second title.
        List<String> parts = Arrays.stream(lexicon.listSeparator().split(text)).map(String::strip)
                .map(part -> LEADING_TO.matcher(part).replaceFirst("")).toList();
        if (parts.size() < 2 || parts.size() > MAX_ITEMS || parts.stream().anyMatch(String::isEmpty)) {
            return List.of(text);
        }
        long verbs = parts.stream().filter(this::startsWithVerb).count();
        boolean hasComma = text.contains(",") || text.contains(";");
        boolean isList;
        if (verbs == parts.size()) {
            isList = true;
        } else if (verbs == 0) {
            isList = hasComma;
        } else {
            isList = !(verbs == 1 && startsWithVerb(parts.get(0)));
        }
        return isList ? parts : List.of(text);
    }

    private boolean startsWithVerb(String part) {
        var first = FIRST_WORD.matcher(part);
        return first.find() && lexicon.isVerb(first.group(1).toLowerCase(Locale.ROOT));
    }
}
