package com.todoapi.agent.builtin;

import com.todoapi.agent.builtin.when.When;

import java.util.List;
import java.util.Optional;

/**
 * One task as list_tasks reports it; the description is "" when the task has none (or the tool
 * gave none), the due date empty and the labels none when it has none.
 */
record TaskView(long id, String title, boolean completed, String description, Optional<When> due, List<String> labels) {

    TaskView {
        description = description == null ? "" : description;
        due = due == null ? Optional.empty() : due;
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    TaskView(long id, String title, boolean completed, String description) {
        this(id, title, completed, description, Optional.empty(), List.of());
    }
}
