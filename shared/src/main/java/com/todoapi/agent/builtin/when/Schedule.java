package com.todoapi.agent.builtin.when;

import java.util.Optional;

/**
 * What the time words of a message come to: when the task is first due, and, for "every ...",
 * the RFC 5545 RRULE value (section 3.3.10, without the "RRULE:" name) it repeats by.
 */
public record Schedule(When due, Optional<String> recurrence) {

    public Schedule {
        recurrence = recurrence == null ? Optional.empty() : recurrence;
    }

    public static Schedule once(When due) {
        return new Schedule(due, Optional.empty());
    }
}
