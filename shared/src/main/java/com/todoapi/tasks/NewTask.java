package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated task to create: title trimmed and 1-200 characters, description at most 2,000,
 * and what is planned for it (already validated as a {@link Planning}).
 */
public record NewTask(String title, String description, Planning planning) {

    public NewTask {
        List<FieldProblem> problems = new ArrayList<>();
        title = TaskRules.checkTitle(title, problems);
        description = TaskRules.checkDescription(description, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        planning = planning == null ? Planning.NONE : planning;
    }

    public NewTask(String title, String description) {
        this(title, description, Planning.NONE);
    }
}
