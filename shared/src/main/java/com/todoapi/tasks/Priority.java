package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import java.util.Locale;

/** How much a task matters: {@code none} (the default), {@code low}, {@code medium}, {@code high}. */
public enum Priority {
    NONE,
    LOW,
    MEDIUM,
    HIGH;

    public static Priority parse(String field, String value) {
        if (value == null) {
            return NONE;
        }
        return switch (value) {
            case "none" -> NONE;
            case "low" -> LOW;
            case "medium" -> MEDIUM;
            case "high" -> HIGH;
            default -> throw DomainException.invalid(field, "must be one of none, low, medium, high");
        };
    }

    /** As stored and shown; old tasks, which have none, read as {@link #NONE}. */
    public static Priority stored(String value) {
        return value == null ? NONE : valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
