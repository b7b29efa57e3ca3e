package com.todoapi.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.todoapi.json.Json;

import java.time.Instant;

/** A task frozen as text, as an idempotency record keeps the task a create returned. */
public final class TaskSnapshots {

    private record Snapshot(long id, String title, String description, boolean completed,
                            long createdAtMillis, long updatedAtMillis, long version) {
    }

    private TaskSnapshots() {
    }

    public static String encode(Task task) {
        try {
            return Json.MAPPER.writeValueAsString(new Snapshot(task.id(), task.title(), task.description(),
                    task.completed(), task.createdAt().toEpochMilli(), task.updatedAt().toEpochMilli(), task.version()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A task snapshot could not be written", e);
        }
    }

    public static Task decode(String text) {
        try {
            Snapshot s = Json.MAPPER.readValue(text, Snapshot.class);
            return new Task(s.id(), s.title(), s.description(), s.completed(),
                    Instant.ofEpochMilli(s.createdAtMillis()), Instant.ofEpochMilli(s.updatedAtMillis()), s.version());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored task snapshot could not be read", e);
        }
    }
}
