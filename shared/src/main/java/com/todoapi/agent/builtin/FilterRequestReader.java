package com.todoapi.agent.builtin;

import com.todoapi.agent.builtin.Intent.ListFiltered.Filter;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions the list_tasks filters answer: "what's due today?", "what's overdue?", "show my work
 * tasks", "tasks tagged groceries", "my high priority tasks", "find anything about taxes".
 * Asked before the other questions, which would read "what's due today" as a task's name.
 */
final class FilterRequestReader {
    private static final String ASKS = "^(?:(?:what|what's|whats|which|any|anything|show|list|display|view|see|get|give|tell|check"
            + "|do\\s+i\\s+have|are\\s+there|is\\s+there|is\\s+anything|am\\s+i)\\b.*|(?:my\\s+|the\\s+|all\\s+)*)";
    private static final Pattern DUE_TODAY = Pattern.compile(ASKS + "\\b(?:due|scheduled)\\s+(?:for\\s+|by\\s+)?today\\b.*"
            + "|" + ASKS + "today's\\s+(?:tasks|todos|list)$", Utterances.FLAGS);
    private static final Pattern OVERDUE = Pattern.compile(ASKS + "\\b(?:overdue|past\\s+due|late|behind)\\b.*", Utterances.FLAGS);
    private static final Pattern SHOW = Pattern.compile(
            "^(?:show|list|display|view|see|get|give|pull\\s+up|what\\s+are)\\s+(?:me\\s+)?(?:all\\s+)?(?:of\\s+)?(?:my\\s+|the\\s+)?",
            Utterances.FLAGS);
    /** "work tasks", "#work tasks": group 1 is the label. */
    private static final Pattern LABEL_BEFORE = Pattern.compile("#?([\\p{L}\\p{N}][\\p{L}\\p{N}_\\-]*)\\s+(?:tasks|todos|to-dos|items)$",
            Utterances.FLAGS);
    /** "tasks tagged groceries", "tasks with the label work", "tasks labelled work". */
    private static final Pattern LABEL_AFTER = Pattern.compile(
            "^(?:(?:show|list|display|view|see|get|give|what\\s+are)\\s+(?:me\\s+)?(?:all\\s+)?(?:my\\s+|the\\s+)?)?"
                    + "(?:tasks|todos|items|everything)\\s+(?:tagged|labell?ed|with\\s+(?:the\\s+)?(?:label|tag))\\s+(?:as\\s+)?#?(.+?)$",
            Utterances.FLAGS);
    private static final Pattern PRIORITY = Pattern.compile(
            "^(?:(?:show|list|display|view|see|get|give|what\\s+are|what's|whats|what\\s+is|which\\s+(?:tasks\\s+)?are|any)\\s+"
                    + "(?:me\\s+)?(?:all\\s+)?(?:my\\s+|the\\s+)?)?(?:tasks\\s+(?:with|at|of)\\s+)?(high|top|medium|low|urgent)"
                    + "(?:\\s*-?\\s*priority)(?:\\s+(?:tasks|todos|items|ones))?$", Utterances.FLAGS);
    /** Group 1 is the words to look for. */
    private static final Pattern QUERY = Pattern.compile(
            "^(?:search\\s+(?:my\\s+|the\\s+)?(?:tasks|list)\\s+for|find|search(?:\\s+for)?|look\\s+for|look\\s+up)\\s+"
                    + "(?:me\\s+)?(?:(?:anything|something|everything|tasks?|all\\s+tasks|any\\s+tasks)\\s+)?"
                    + "(?:(?:about|on|with|mentioning|regarding|related\\s+to|that\\s+mentions?|for|containing)\\s+)?(.+)$",
            Utterances.FLAGS);
    private static final Pattern ANYTHING_ABOUT = Pattern.compile(
            "^(?:(?:do\\s+i\\s+have|is\\s+there|are\\s+there)\\s+)?(?:anything|any\\s+tasks?|something)\\s+(?:about|on|mentioning"
                    + "|regarding|related\\s+to)\\s+(.+)$", Utterances.FLAGS);
    /** Words before "tasks" that name a state or a place in the list, not a label. */
    private static final Pattern NOT_LABELS = Pattern.compile("all|my|the|pending|open|remaining|outstanding|unfinished"
            + "|incomplete|completed|complete|finished|done|current|new|old|latest|recent|first|last|other|todo|to-do|overdue"
            + "|due|today's|these|those|your|active|closed|checked|unchecked|older|newest|oldest|every|more|many"
            + "|uncompleted|undone|ongoing|upcoming|future|past|previous|next|later|both|few|some|any|no|\\d+",
            Utterances.FLAGS);

    Optional<Intent> read(String clause) {
        if (DUE_TODAY.matcher(clause).matches()) {
            return Optional.of(new Intent.ListFiltered(Filter.DUE_TODAY, ""));
        }
        if (OVERDUE.matcher(clause).matches()) {
            return Optional.of(new Intent.ListFiltered(Filter.OVERDUE, ""));
        }
        Matcher priority = PRIORITY.matcher(clause);
        if (priority.matches()) {
            return Optional.of(new Intent.ListFiltered(Filter.PRIORITY, PriorityRequestReader.level(priority.group(1))));
        }
        Matcher labelAfter = LABEL_AFTER.matcher(clause);
        if (labelAfter.matches()) {
            return Optional.of(new Intent.ListFiltered(Filter.LABEL, TitleText.description(labelAfter.group(1))));
        }
        Matcher show = SHOW.matcher(clause);
        if (show.lookingAt()) {
            Matcher labelBefore = LABEL_BEFORE.matcher(clause.substring(show.end()));
            if (labelBefore.matches() && !NOT_LABELS.matcher(labelBefore.group(1)).matches()) {
                return Optional.of(new Intent.ListFiltered(Filter.LABEL, labelBefore.group(1)));
            }
        }
        Matcher query = QUERY.matcher(clause);
        if (query.matches() || (query = ANYTHING_ABOUT.matcher(clause)).matches()) {
            String words = TitleText.description(query.group(1));
            return words.isEmpty() ? Optional.empty() : Optional.of(new Intent.ListFiltered(Filter.QUERY, words));
        }
        return Optional.empty();
    }
}
