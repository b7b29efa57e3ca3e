package com.todoapi.tasks;

import com.todoapi.json.Timestamps;
import com.todoapi.tasks.Task;

/** A task as the API shows it. */
public record TaskView(long id, String title, String description, boolean completed, String createdAt, String updatedAt,
                long version) {

    public static TaskView of(Task task) {
        return new TaskView(task.id(), task.title(), task.description(), task.completed(),
                Timestamps.format(task.createdAt()), Timestamps.format(task.updatedAt()), task.version());
    }
}
