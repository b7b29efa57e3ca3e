package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a task is due and how it is organised: its due time, priority, labels, recurrence (whose
 * current due time is occurrence number {@code occurrence}), reminder and when the reminder fired.
 * A recurrence needs a due time; a reminder is always a time, never only a day.
 */
public record Planning(Optional<TaskTime> due, Priority priority, List<String> labels, Optional<Recurrence> recurrence,
                       int occurrence, Optional<TaskTime> remind, Optional<Instant> remindedAt) {
    public static final Planning NONE = new Planning(Optional.empty(), Priority.NONE, List.of(), Optional.empty(), 1,
            Optional.empty(), Optional.empty());

    public Planning {
        labels = List.copyOf(labels);
        if (recurrence.isPresent() && due.isEmpty()) {
            throw DomainException.invalid("recurrence", "needs a due date or time (due)");
        }
        if (remind.isPresent() && remind.get().time().isEmpty()) {
            throw DomainException.invalid("remind_at", "must have a time (2026-12-06T17:00), not only a day");
        }
        occurrence = Math.max(1, occurrence);
    }

    /** The next occurrence: the due and reminder moved, the reminder not fired yet. */
    Planning nextOccurrence(TaskTime nextDue, Optional<TaskTime> nextRemind) {
        return new Planning(Optional.of(nextDue), priority, labels, recurrence, occurrence + 1, nextRemind,
                Optional.empty());
    }

    /** The instant the reminder stands for, which a reminder index keys on. */
    public Optional<Instant> remindInstant() {
        return remind.flatMap(TaskTime::at);
    }
}
