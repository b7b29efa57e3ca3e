package com.todoapi.apikeys;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller may do. {@code read}: every GET and the {@code list_tasks} tool. {@code write}:
 * everything, reading included. A JWT holds both; a key holds what it was created with.
 */
public enum Scope {
    READ("read"),
    WRITE("write");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Scope> parse(String text) {
        for (Scope scope : values()) {
            if (scope.wireName.equals(text)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /** Every scope there is: what a JWT grants. */
    public static Set<Scope> all() {
        return EnumSet.allOf(Scope.class);
    }

    /** Whether {@code granted} allows what needs {@code this}: {@code write} allows reading too. */
    public boolean allowedBy(Set<Scope> granted) {
        return granted.contains(this) || granted.contains(WRITE);
    }
}
