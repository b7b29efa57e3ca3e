package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import java.util.Locale;

/** Which tasks a list shows: {@code ?status=all|pending|completed}. */
public enum StatusFilter {
    ALL,
    PENDING,
    COMPLETED;

    public static StatusFilter parse(String value) {
        if (value == null) {
            return ALL;
        }
        return switch (value) {
            case "all" -> ALL;
            case "pending" -> PENDING;
            case "completed" -> COMPLETED;
            default -> throw DomainException.invalid("status", "must be one of all, pending, completed");
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
