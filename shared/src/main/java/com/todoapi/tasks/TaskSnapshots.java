package com.todoapi.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.todoapi.json.Json;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A task frozen as text, as an idempotency record keeps the task a create returned. The planning
 * fields are absent from snapshots written before they existed, and read as nothing planned.
 */
public final class TaskSnapshots {

    private record Snapshot(long id, String title, String description, boolean completed,
                            long createdAtMillis, long updatedAtMillis, long version,
                            String due, Long dueAtMillis, String priority, List<String> labels, String recurrence,
                            Integer occurrence, String remind, Long remindAtMillis, Long remindedAtMillis) {
    }

    private TaskSnapshots() {
    }

    public static String encode(Task task) {
        Planning p = task.planning();
        try {
            return Json.MAPPER.writeValueAsString(new Snapshot(task.id(), task.title(), task.description(),
                    task.completed(), task.createdAt().toEpochMilli(), task.updatedAt().toEpochMilli(), task.version(),
                    p.due().map(TaskTime::given).orElse(null), p.due().flatMap(TaskTime::at).map(Instant::toEpochMilli)
                            .orElse(null),
                    p.priority().wireName(), p.labels(), p.recurrence().map(Recurrence::text).orElse(null),
                    p.occurrence(), p.remind().map(TaskTime::given).orElse(null),
                    p.remindInstant().map(Instant::toEpochMilli).orElse(null),
                    p.remindedAt().map(Instant::toEpochMilli).orElse(null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A task snapshot could not be written", e);
        }
    }

    public static Task decode(String text) {
        try {
            Snapshot s = Json.MAPPER.readValue(text, Snapshot.class);
            Planning planning = new Planning(
                    Optional.ofNullable(s.due()).map(due -> TaskTime.stored(due, instant(s.dueAtMillis()))),
                    Priority.stored(s.priority()),
                    s.labels() == null ? List.of() : s.labels(),
                    Optional.ofNullable(s.recurrence()).map(rule -> Recurrence.parse("recurrence", rule)),
                    s.occurrence() == null ? 1 : s.occurrence(),
                    Optional.ofNullable(s.remind()).map(remind -> TaskTime.stored(remind, instant(s.remindAtMillis()))),
                    Optional.ofNullable(instant(s.remindedAtMillis())));
            return new Task(s.id(), s.title(), s.description(), s.completed(),
                    Instant.ofEpochMilli(s.createdAtMillis()), Instant.ofEpochMilli(s.updatedAtMillis()), s.version(),
                    planning);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored task snapshot could not be read", e);
        }
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
