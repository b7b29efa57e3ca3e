package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.FieldProblem;
import com.todoapi.domain.PlainText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The limits on a task's text (docs/api.md): checked once, here, for every way a task is written
 * (the routes and the assistant's tools), with {@link PlainText}'s rules for what text may hold.
 */
public final class TaskRules {
    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 2_000;

    private TaskRules() {
    }

    /** The title trimmed, or {@link DomainException} when it is missing, blank or too long. */
    public static String title(String raw) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = checkTitle(raw, problems);
        throwIfAny(problems);
        return title;
    }

    /** The description trimmed ("" when absent), or {@link DomainException} when too long. */
    public static String description(String raw) {
        List<FieldProblem> problems = new ArrayList<>();
        String description = checkDescription(raw, problems);
        throwIfAny(problems);
        return description;
    }

    static String checkTitle(String raw, List<FieldProblem> problems) {
        if (raw == null) {
            problems.add(new FieldProblem("title", "is required"));
            return null;
        }
        String title = raw.strip();
        Optional<String> unfit = PlainText.problem(title, PlainText.Lines.ONE);
        if (title.isEmpty()) {
            problems.add(new FieldProblem("title", "must not be empty"));
        } else if (unfit.isPresent()) {
            problems.add(new FieldProblem("title", unfit.get()));
        } else if (title.codePointCount(0, title.length()) > TITLE_MAX) {
            problems.add(new FieldProblem("title", "must be at most " + TITLE_MAX + " characters"));
        }
        return title;
    }

    static String checkDescription(String raw, List<FieldProblem> problems) {
        String description = raw == null ? "" : raw.strip();
        Optional<String> unfit = PlainText.problem(description, PlainText.Lines.MANY);
        if (unfit.isPresent()) {
            problems.add(new FieldProblem("description", unfit.get()));
        } else if (description.codePointCount(0, description.length()) > DESCRIPTION_MAX) {
            problems.add(new FieldProblem("description", "must be at most " + DESCRIPTION_MAX + " characters"));
        }
        return description;
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }

    public static DomainException notFound(long taskId) {
        return DomainException.notFound("Task " + taskId + " not found");
    }

    public static DomainException stale(long taskId) {
        return DomainException.preconditionFailed("Task " + taskId + " has changed since the version in If-Match");
    }
}
