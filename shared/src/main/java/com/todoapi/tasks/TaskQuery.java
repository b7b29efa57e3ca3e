package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.PlainText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * A list of tasks as {@code GET /v1/tasks} and the {@code list_tasks} tool ask for it: which tasks
 * (status, overdue, due today, due before/after, label, priority, words) and in what order.
 * {@code zone} and {@code now} are the person's, for "today" and for a day's bounds.
 * {@code due_before} and {@code due_after} are exclusive; a day given as a bound is the whole day
 * ({@code due_before=2026-12-06}: due before that day starts; {@code due_after=2026-12-06}: due once it is over).
 * A task due on a day and none at a time counts from that day's start.
 */
public record TaskQuery(StatusFilter status, Optional<Boolean> overdue, boolean dueToday,
                        Optional<TaskTime> dueBefore, Optional<TaskTime> dueAfter, Optional<String> label,
                        Optional<Priority> priority, Optional<String> text, TaskOrder order, ZoneId zone, Instant now) {
    public static final int MAX_QUERY_LENGTH = 200;
    /** Titles are ordered by their first this many characters (folded), then oldest first: it bounds a cursor's size. */
    static final int TITLE_KEY_LENGTH = 40;

    public TaskQuery {
        label.ifPresent(l -> checkText("label", l, Labels.LABEL_MAX));
        text.ifPresent(q -> checkText("q", q, MAX_QUERY_LENGTH));
    }

    /** Everything of one status, oldest first: the list a page of task numbers serves. */
    public static TaskQuery byStatus(StatusFilter status, ZoneId zone, Instant now) {
        return new TaskQuery(status, Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), TaskOrder.CREATED, zone, now);
    }

    /** Whether the status alone decides: then a page is read by task number, without reading the rest. */
    public boolean statusOnly() {
        return overdue.isEmpty() && !dueToday && dueBefore.isEmpty() && dueAfter.isEmpty() && label.isEmpty()
                && priority.isEmpty() && text.isEmpty() && order == TaskOrder.CREATED;
    }

    /** The list this query makes, for its cursors: another filter or order is another list. */
    public String signature() {
        StringJoiner s = new StringJoiner("\u0000");
        s.add(status.wireName()).add(overdue.map(String::valueOf).orElse("")).add(Boolean.toString(dueToday))
                .add(dueBefore.map(TaskTime::given).orElse("")).add(dueAfter.map(TaskTime::given).orElse(""))
                .add(label.map(Labels::key).orElse("")).add(priority.map(Priority::wireName).orElse(""))
                .add(text.map(SearchText::fold).orElse("")).add(order.wireName());
        return s.toString();
    }

    public Predicate<Task> filter() {
        List<Predicate<Task>> tests = new ArrayList<>();
        tests.add(task -> switch (status) {
            case ALL -> true;
            case PENDING -> !task.completed();
            case COMPLETED -> task.completed();
        });
        overdue.ifPresent(wanted -> tests.add(task -> isOverdue(task) == wanted));
        if (dueToday) {
            LocalDate today = now.atZone(zone).toLocalDate();
            tests.add(task -> task.planning().due().map(due -> due.day(zone).equals(today)).orElse(false));
        }
        dueBefore.ifPresent(bound -> {
            Instant limit = bound.start(zone);
            tests.add(task -> task.planning().due().map(due -> due.start(zone).isBefore(limit)).orElse(false));
        });
        dueAfter.ifPresent(bound -> {
            Instant limit = bound.time().isPresent() ? bound.start(zone)
                    : bound.date().plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
            tests.add(task -> task.planning().due().map(due -> due.start(zone).isAfter(limit)).orElse(false));
        });
        label.ifPresent(wanted -> tests.add(task -> Labels.has(task.planning().labels(), wanted)));
        priority.ifPresent(wanted -> tests.add(task -> task.planning().priority() == wanted));
        text.ifPresent(q -> {
            List<String> words = SearchText.words(q);
            tests.add(task -> SearchText.matches(task, words));
        });
        return task -> tests.stream().allMatch(test -> test.test(task));
    }

    /** Pending, and its due time passed (a day: once that day is over in the person's zone). */
    public boolean isOverdue(Task task) {
        return !task.completed() && task.planning().due().map(due -> due.passed(now, zone)).orElse(false);
    }

    /** The order, total: every key ends with the task number. */
    public Comparator<Task> comparator() {
        Comparator<Task> byNumber = Comparator.comparingLong(Task::id);
        return switch (order) {
            case CREATED -> byNumber;
            case DUE -> Comparator.<Task, Boolean>comparing(task -> task.planning().due().isEmpty())
                    .thenComparing(task -> task.planning().due().map(due -> due.start(zone)).orElse(Instant.MAX))
                    .thenComparing(byNumber);
            case PRIORITY -> Comparator.<Task>comparingInt(task -> -task.planning().priority().ordinal())
                    .thenComparing(byNumber);
            case TITLE -> Comparator.comparing(TaskQuery::titleKey).thenComparing(byNumber);
        };
    }

    /**
     * Where a task stands in the order, as text a cursor carries: the next page starts after it,
     * so a page never repeats or skips a task that did not change meanwhile.
     */
    public String position(Task task) {
        String key = switch (order) {
            case CREATED -> "";
            case DUE -> task.planning().due().map(due -> Long.toString(due.start(zone).toEpochMilli())).orElse("-");
            case PRIORITY -> Integer.toString(task.planning().priority().ordinal());
            case TITLE -> titleKey(task);
        };
        return key + "~" + task.id();
    }

    /** Whether {@code task} comes after the task at {@code position} (INVALID for a position this order never made). */
    public boolean isAfter(Task task, String position) {
        int tilde = position.lastIndexOf('~');
        if (tilde < 0) {
            throw invalidCursor();
        }
        String key = position.substring(0, tilde);
        long id;
        try {
            id = Long.parseLong(position.substring(tilde + 1));
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
        int byKey;
        try {
            byKey = switch (order) {
                case CREATED -> 0;
                case DUE -> {
                    Optional<Instant> due = task.planning().due().map(d -> d.start(zone));
                    if (key.equals("-")) {
                        yield due.isPresent() ? -1 : 0;
                    }
                    yield due.map(at -> at.compareTo(Instant.ofEpochMilli(Long.parseLong(key)))).orElse(1);
                }
                case PRIORITY -> Integer.compare(Integer.parseInt(key), task.planning().priority().ordinal());
                case TITLE -> titleKey(task).compareTo(key);
            };
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
        return byKey > 0 || byKey == 0 && task.id() > id;
    }

    static String titleKey(Task task) {
        String folded = SearchText.fold(task.title());
        int end = folded.offsetByCodePoints(0, Math.min(TITLE_KEY_LENGTH, folded.codePointCount(0, folded.length())));
        return folded.substring(0, end);
    }

    private static DomainException invalidCursor() {
        return DomainException.invalid("cursor", "is not a cursor this list gave out");
    }

    private static void checkText(String field, String value, int max) {
        Optional<String> unfit = PlainText.problem(value, PlainText.Lines.ONE);
        if (value.isEmpty()) {
            throw DomainException.invalid(field, "must not be empty");
        }
        if (unfit.isPresent()) {
            throw DomainException.invalid(field, unfit.get());
        }
        if (value.codePointCount(0, value.length()) > max) {
            throw DomainException.invalid(field, "must be at most " + max + " characters");
        }
    }
}
