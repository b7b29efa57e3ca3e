package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A validated partial update of a task: only the fields present change. A description of
 * {@code ""} clears it. At least one field must be present. {@code zone} is the person's: a
 * recurring task completed moves to its next occurrence there (docs/api.md, "Recurring tasks").
 */
public record TaskChanges(Optional<String> title, Optional<String> description, Optional<Boolean> completed,
                          PlanChanges plan, ZoneId zone) {

    public TaskChanges {
        title = title.map(TaskRules::title);
        description = description.map(TaskRules::description);
        plan = plan == null ? PlanChanges.NONE : plan;
        zone = zone == null ? ZoneOffset.UTC : zone;
        if (title.isEmpty() && description.isEmpty() && completed.isEmpty() && plan.isEmpty()) {
            throw DomainException.invalid("body", "must change at least one of title, description, completed, "
                    + "due, priority, labels, recurrence, remind_at");
        }
    }

    public TaskChanges(Optional<String> title, Optional<String> description, Optional<Boolean> completed) {
        this(title, description, completed, PlanChanges.NONE, ZoneOffset.UTC);
    }

    /** Only completing the task, in the person's zone. */
    public static TaskChanges completing(ZoneId zone) {
        return new TaskChanges(Optional.empty(), Optional.empty(), Optional.of(true), PlanChanges.NONE, zone);
    }

    /**
     * The task with these changes, one version later. Completing a pending recurring task moves it
     * to its next occurrence and leaves it pending; after its last one (COUNT, UNTIL) it completes.
     */
    public Task applyTo(Task task, Instant now) {
        Planning planning = plan.applyTo(task.planning());
        boolean done = completed.orElse(task.completed());
        if (done && !task.completed() && planning.recurrence().isPresent()) {
            Optional<Planning> next = nextOccurrence(planning);
            if (next.isPresent()) {
                planning = next.get();
                done = false;
            }
        }
        return new Task(task.id(),
                title.orElse(task.title()),
                description.orElse(task.description()),
                done,
                task.createdAt(), now, task.version() + 1, planning);
    }

    private Optional<Planning> nextOccurrence(Planning planning) {
        TaskTime due = planning.due().orElseThrow();
        LocalDateTime current = due.local(zone);
        return planning.recurrence().orElseThrow().next(current, planning.occurrence()).map(next -> {
            Optional<TaskTime> remind = planning.remind().map(r -> {
                // The reminder keeps its distance from the due time, in wall-clock terms.
                long minutes = ChronoUnit.MINUTES.between(current, r.local(zone));
                return r.movedTo(next.plusMinutes(minutes), zone);
            });
            return planning.nextOccurrence(due.movedTo(next, zone), remind);
        });
    }
}
