package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import java.util.Locale;

/**
 * How a list is ordered ({@code ?sort=}): {@code created} (oldest first, the default), {@code due}
 * (soonest first, undated last), {@code priority} (highest first), {@code title} (A to Z, case
 * and accents ignored). Ties, and the tasks the order cannot tell apart, go oldest first.
 */
public enum TaskOrder {
    CREATED,
    DUE,
    PRIORITY,
    TITLE;

    public static TaskOrder parse(String value) {
        if (value == null) {
            return CREATED;
        }
        return switch (value) {
            case "created" -> CREATED;
            case "due" -> DUE;
            case "priority" -> PRIORITY;
            case "title" -> TITLE;
            default -> throw DomainException.invalid("sort", "must be one of created, due, priority, title");
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
