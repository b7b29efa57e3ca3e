package com.todoapi.agent.memory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Something done to a task, as one line of the rolling summary: {@code added task 1 "Buy groceries"}.
 * Model agents write the same lines, so a conversation keeps its memory when the agent changes.
 */
public record TaskFact(Kind kind, long taskId, String title) {

    public enum Kind { ADDED, COMPLETED, DELETED, UPDATED }

    private static final Pattern LINE = Pattern.compile("(added|completed|deleted|updated) task (\\d{1,18}) \"(.*)\"");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

    public TaskFact {
        title = title == null ? "" : LINE_BREAKS.matcher(title).replaceAll(" ");
    }

    public String line() {
        return kind.name().toLowerCase(Locale.ROOT) + " task " + taskId + " \"" + title + "\"";
    }

    /** The fact a summary line records, if it is one of ours. */
    public static Optional<TaskFact> parse(String line) {
        Matcher matcher = LINE.matcher(line.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Kind kind = Kind.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
        return Optional.of(new TaskFact(kind, Long.parseLong(matcher.group(2)), matcher.group(3)));
    }
}
