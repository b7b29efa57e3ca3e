package com.todoapi.tasks;

import java.time.Instant;

/** A user's task. {@code id} is the user's own task number; {@code version} counts its writes. */
public record Task(long id, String title, String description, boolean completed,
                   Instant createdAt, Instant updatedAt, long version) {

    public static Task created(long id, NewTask input, Instant now) {
        return new Task(id, input.title(), input.description(), false, now, now, 1);
    }
}
