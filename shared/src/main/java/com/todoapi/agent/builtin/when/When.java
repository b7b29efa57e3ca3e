package com.todoapi.agent.builtin.when;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A day, or a day and a wall-clock time, as a person means it: floating in their zone, never an
 * instant with an offset. {@link #wire()} is the tools' form: {@code 2026-12-06} or {@code 2026-12-06T17:00}.
 */
public record When(LocalDate date, Optional<LocalTime> time) {
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    public When {
        time = time == null ? Optional.empty() : time.map(t -> t.withSecond(0).withNano(0));
    }

    public static When day(LocalDate date) {
        return new When(date, Optional.empty());
    }

    public static When at(LocalDate date, LocalTime time) {
        return new When(date, Optional.of(time));
    }

    public boolean hasTime() {
        return time.isPresent();
    }

    public String wire() {
        return time.map(t -> date + "T" + HOURS_MINUTES.format(t)).orElse(date.toString());
    }

    /** Reads {@link #wire()}'s forms back (what a tool result holds); an offset or seconds are ignored. */
    public static Optional<When> fromWire(String text) {
        if (text == null || text.length() < 10) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text.substring(0, 10));
            if (text.length() >= 16 && text.charAt(10) == 'T') {
                return Optional.of(at(date, LocalTime.parse(text.substring(11, 16))));
            }
            return Optional.of(day(date));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
