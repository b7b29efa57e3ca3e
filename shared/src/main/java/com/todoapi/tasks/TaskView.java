package com.todoapi.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.todoapi.json.Timestamps;

import java.util.List;

/**
 * A task as the API shows it. The planning fields are always there, {@code null} when unset:
 * {@code due} and {@code remind_at} as given, {@code due_at} and {@code remind_instant} the instants
 * they stand for (a day alone has none).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TaskView(long id, String title, String description, boolean completed, String createdAt, String updatedAt,
                long version, String due, String dueAt, String priority, List<String> labels, String recurrence,
                String remindAt, String remindInstant, String remindedAt) {

    public static TaskView of(Task task) {
        Planning p = task.planning();
        return new TaskView(task.id(), task.title(), task.description(), task.completed(),
                Timestamps.format(task.createdAt()), Timestamps.format(task.updatedAt()), task.version(),
                p.due().map(TaskTime::given).orElse(null),
                p.due().flatMap(TaskTime::at).map(Timestamps::format).orElse(null),
                p.priority().wireName(), p.labels(), p.recurrence().map(Recurrence::text).orElse(null),
                p.remind().map(TaskTime::given).orElse(null),
                p.remindInstant().map(Timestamps::format).orElse(null),
                p.remindedAt().map(Timestamps::format).orElse(null));
    }
}
