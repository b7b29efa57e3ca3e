package com.todoapi.agent.builtin;

/** One task as list_tasks reports it; the description is "" when the task has none (or the tool gave none). */
record TaskView(long id, String title, boolean completed, String description) {

    TaskView {
        description = description == null ? "" : description;
    }
}
