package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import java.time.Instant;
import java.util.Optional;

/**
 * A validated partial update of a task: only the fields present change. A description of
 * {@code ""} clears it. At least one field must be present.
 */
public record TaskChanges(Optional<String> title, Optional<String> description, Optional<Boolean> completed) {

    public TaskChanges {
        title = title.map(TaskRules::title);
        description = description.map(TaskRules::description);
        if (title.isEmpty() && description.isEmpty() && completed.isEmpty()) {
            throw DomainException.invalid("body", "must change at least one of title, description, completed");
        }
    }

    /** The task with these changes, one version later. */
    public Task applyTo(Task task, Instant now) {
        return new Task(task.id(),
                title.orElse(task.title()),
                description.orElse(task.description()),
                completed.orElse(task.completed()),
                task.createdAt(), now, task.version() + 1);
    }
}
