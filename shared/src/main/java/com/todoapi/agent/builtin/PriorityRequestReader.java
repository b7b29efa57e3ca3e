package com.todoapi.agent.builtin;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Make the report high priority", "set task 2 to low priority", "mark the report as urgent",
 * "prioritize the report", "remove the priority from task 2". The tools' priorities are none,
 * low, medium and high; "urgent" and "important" are high, "normal" is medium.
 */
final class PriorityRequestReader {
    private static final String LEVEL = "(high|top|urgent|important|medium|normal|mid|low|no)";
    /** Group 1 is the task, group 2 the level. */
    private static final Patterns TASK_THEN_LEVEL = Patterns.of(
            Pattern.compile("^(?:make|mark|set|flag|put|change|give)\\s+(.+?)\\s+(?:as\\s+|to\\s+|at\\s+|in\\s+|a\\s+)?(?:a\\s+)?"
                    + LEVEL + "(?:\\s*-?\\s*priority)?$", Utterances.FLAGS),
            Pattern.compile("^(?:make|set|change|give)\\s+(?:the\\s+)?priority\\s+(?:of|for|on)\\s+(.+?)\\s+(?:to\\s+)?" + LEVEL
                    + "(?:\\s+priority)?$", Utterances.FLAGS),
            Pattern.compile("^(.+?)\\s+(?:is|should\\s+be)\\s+(?:now\\s+)?(?:a\\s+)?" + LEVEL + "\\s*-?\\s*priority$", Utterances.FLAGS));
    private static final Pattern PRIORITIZE = Pattern.compile("^(?:prioriti[sz]e|deprioriti[sz]e)\\s+(.+)$", Utterances.FLAGS);
    private static final Pattern NO_PRIORITY = Pattern.compile(
            "^(?:remove|clear|drop|unset)\\s+(?:the\\s+)?priority\\s+(?:of|from|on|for)\\s+(.+)$", Utterances.FLAGS);
    /** Without the word "priority", only these read as one: "make the report urgent", not "make the report low". */
    private static final Pattern ALONE = Pattern.compile("urgent|important", Utterances.FLAGS);

    private final TaskRefParser taskRefs;

    PriorityRequestReader(TaskRefParser taskRefs) {
        this.taskRefs = taskRefs;
    }

    Optional<Intent> read(String clause) {
        for (Matcher matcher : TASK_THEN_LEVEL.matching(clause)) {
            if ((clause.toLowerCase(Locale.ROOT).contains("priority") || ALONE.matcher(matcher.group(2)).matches())) {
                return set(matcher.group(1), level(matcher.group(2)));
            }
        }
        Matcher prioritize = PRIORITIZE.matcher(clause);
        if (prioritize.matches()) {
            return set(prioritize.group(1), clause.toLowerCase(Locale.ROOT).startsWith("de") ? "low" : "high");
        }
        Matcher none = NO_PRIORITY.matcher(clause);
        return none.matches() ? set(none.group(1), "none") : Optional.empty();
    }

    private Optional<Intent> set(String taskWords, String priority) {
        return taskRefs.parse(taskWords).map(task -> new Intent.SetPriority(task, priority));
    }

    /** The tools' word for what the person said. */
    static String level(String words) {
        return switch (words.toLowerCase(Locale.ROOT)) {
            case "high", "top", "urgent", "important" -> "high";
            case "medium", "normal", "mid" -> "medium";
            case "low" -> "low";
            default -> "none";
        };
    }
}
