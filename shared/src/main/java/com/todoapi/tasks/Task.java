package com.todoapi.tasks;

import java.time.Instant;

/**
 * A user's task. {@code id} is the user's own task number; {@code version} counts its writes;
 * {@code planning} holds its due time, priority, labels, recurrence and reminder.
 */
public record Task(long id, String title, String description, boolean completed,
                   Instant createdAt, Instant updatedAt, long version, Planning planning) {

    public Task {
        planning = planning == null ? Planning.NONE : planning;
    }

    /** A task with nothing planned. */
    public Task(long id, String title, String description, boolean completed,
                Instant createdAt, Instant updatedAt, long version) {
        this(id, title, description, completed, createdAt, updatedAt, version, Planning.NONE);
    }

    public static Task created(long id, NewTask input, Instant now) {
        return new Task(id, input.title(), input.description(), false, now, now, 1, input.planning());
    }
}
