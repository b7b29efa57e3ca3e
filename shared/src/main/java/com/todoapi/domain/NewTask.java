package com.todoapi.domain;

/** A validated task to create: title trimmed and 1-200 characters, description at most 2,000. */
public record NewTask(String title, String description) {

    public NewTask {
        title = TaskRules.title(title);
        description = TaskRules.description(description);
    }
}
