package com.todoapi.tasks;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Changes to what is planned for a task, each field absent (kept), empty (cleared, from a JSON
 * {@code null}) or present (set). Labels are cleared with an empty list, priority with {@code none}.
 */
public record PlanChanges(Optional<Optional<TaskTime>> due, Optional<Priority> priority,
                          Optional<List<String>> labels, Optional<Optional<Recurrence>> recurrence,
                          Optional<Optional<TaskTime>> remind) {
    public static final PlanChanges NONE = new PlanChanges(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** The changes as given in text, read and checked: times resolved in {@code zone}. */
    public static PlanChanges parse(Optional<Optional<String>> due, Optional<String> priority,
                                    Optional<List<String>> labels, Optional<Optional<String>> recurrence,
                                    Optional<Optional<String>> remind, ZoneId zone) {
        return new PlanChanges(
                due.map(text -> text.map(t -> TaskTime.parse("due", t, zone))),
                priority.map(text -> Priority.parse("priority", text)),
                labels.map(list -> Labels.check("labels", list)),
                recurrence.map(text -> text.map(t -> Recurrence.parse("recurrence", t))),
                remind.map(text -> text.map(t -> TaskTime.parseWithTime("remind_at", t, zone))));
    }

    public boolean isEmpty() {
        return due.isEmpty() && priority.isEmpty() && labels.isEmpty() && recurrence.isEmpty() && remind.isEmpty();
    }

    /**
     * The planning with these changes, checked as a whole (a recurrence left without a due time is
     * refused). A new due time or rule starts the series again (occurrence 1); a new reminder has
     * not fired.
     */
    public Planning applyTo(Planning planning) {
        boolean restarts = due.isPresent() || recurrence.isPresent();
        return new Planning(
                due.orElse(planning.due()),
                priority.orElse(planning.priority()),
                labels.orElse(planning.labels()),
                recurrence.orElse(planning.recurrence()),
                restarts ? 1 : planning.occurrence(),
                remind.orElse(planning.remind()),
                remind.isPresent() ? Optional.empty() : planning.remindedAt());
    }

    /** The planning of a new task: what is given, the rest as {@link Planning#NONE}. */
    public Planning planning() {
        return applyTo(Planning.NONE);
    }
}
