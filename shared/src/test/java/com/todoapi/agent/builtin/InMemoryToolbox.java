package com.todoapi.agent.builtin;

import com.todoapi.agent.ToolCall;
import com.todoapi.agent.ToolOutcome;
import com.todoapi.agent.ToolHints;
import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five todo tools over a map, for unit tests: tasks are numbered from 1, every call is
 * recorded, a missing task is the tool error "Task N not found" (docs/api.md "The todo tools").
 * Tasks keep the time fields (due, priority, labels, recurrence, remind_at) as given, and
 * list_tasks applies the filters (overdue and due_today against {@link #at}'s time in its zone,
 * label and priority exactly, query as words in the title or description).
 */
final class InMemoryToolbox implements Toolbox {

    /** One call as the agent made it. */
    record Call(String tool, Map<String, Object> args) {
    }

    private static final class Task {
        final long id;
        String title;
        String description;
        boolean completed;
        String due;
        String priority = "none";
        List<String> labels = List.of();
        String recurrence;
        String remindAt;

        Task(long id, String title, String description) {
            this.id = id;
            this.title = title;
            this.description = description;
        }
    }

    private final Map<Long, Task> tasks = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<ToolCall> recorded = new ArrayList<>();
    private long nextId = 1;
    private String nextError;
    private LocalDateTime now = LocalDateTime.of(2026, 12, 5, 10, 30);

    /** The wall-clock time in the person's zone that overdue and due_today are judged at. */
    InMemoryToolbox at(LocalDateTime now) {
        this.now = now;
        return this;
    }

    /** Gives the task added last a due date, priority and labels, without recording a call. */
    InMemoryToolbox dueLast(String due, String priority, String... labels) {
        Task task = tasks.get(nextId - 1);
        task.due = due;
        task.priority = priority;
        task.labels = List.of(labels);
        return this;
    }

    /** The task's time fields as the tools hold them: due, priority, labels, recurrence, remind_at. */
    Map<String, Object> timeFields(long id) {
        Task task = tasks.get(id);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("due", task.due);
        fields.put("priority", task.priority);
        fields.put("labels", task.labels);
        fields.put("recurrence", task.recurrence);
        fields.put("remind_at", task.remindAt);
        return fields;
    }

    /** Adds a task without recording a call, as if an earlier session had made it. */
    InMemoryToolbox withTask(String title) {
        Task task = new Task(nextId++, title, "");
        tasks.put(task.id, task);
        return this;
    }

    InMemoryToolbox withTask(String title, String description) {
        Task task = new Task(nextId++, title, description);
        tasks.put(task.id, task);
        return this;
    }

    /** Marks the task added last as completed, without recording a call. */
    InMemoryToolbox completeLast() {
        tasks.get(nextId - 1).completed = true;
        return this;
    }

    InMemoryToolbox withCompletedTask(String title) {
        withTask(title);
        tasks.get(nextId - 1).completed = true;
        return this;
    }

    /** The next call answers with this tool error, whatever it is. */
    InMemoryToolbox failingNextCallWith(String error) {
        nextError = error;
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls as the worker records them on a reply, with their results. */
    List<ToolCall> recordedCalls() {
        return List.copyOf(recorded);
    }

    void forgetCalls() {
        calls.clear();
        recorded.clear();
    }

    String description(long id) {
        return tasks.get(id).description;
    }

    private static final ToolHints HINTS = new ToolHints(false, false, false);

    @Override
    public List<ToolSpec> specs() {
        String taskId = "{\"type\":\"object\",\"properties\":{\"task_id\":{\"type\":\"integer\"}},\"required\":[\"task_id\"]}";
        return List.of(
                new ToolSpec(ADD_TASK, ADD_TASK, "Add a task", "{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"},"
                        + "\"description\":{\"type\":\"string\"}},\"required\":[\"title\"]}", "{}", HINTS),
                new ToolSpec(LIST_TASKS, LIST_TASKS, "List tasks", "{\"type\":\"object\",\"properties\":{\"status\":{\"type\":\"string\","
                        + "\"enum\":[\"all\",\"pending\",\"completed\"]}}}", "{}", HINTS),
                new ToolSpec(COMPLETE_TASK, COMPLETE_TASK, "Complete a task", taskId, "{}", HINTS),
                new ToolSpec(DELETE_TASK, DELETE_TASK, "Delete a task", taskId, "{}", HINTS),
                new ToolSpec(UPDATE_TASK, UPDATE_TASK, "Update a task", "{\"type\":\"object\",\"properties\":{\"task_id\":{\"type\":"
                        + "\"integer\"},\"title\":{\"type\":\"string\"},\"description\":{\"type\":\"string\"}},"
                        + "\"required\":[\"task_id\"]}", "{}", HINTS));
    }

    @Override
    public ToolOutcome call(String tool, Map<String, Object> args) {
        calls.add(new Call(tool, new LinkedHashMap<>(args)));
        ToolOutcome outcome = run(tool, args);
        recorded.add(new ToolCall(tool, args, outcome.recorded()));
        return outcome;
    }

    private ToolOutcome run(String tool, Map<String, Object> args) {
        if (nextError != null) {
            String error = nextError;
            nextError = null;
            return ToolOutcome.error(error);
        }
        return switch (tool) {
            case ADD_TASK -> add(args);
            case LIST_TASKS -> list(args);
            case COMPLETE_TASK, DELETE_TASK, UPDATE_TASK -> onTask(tool, args);
            default -> ToolOutcome.error("Unknown tool " + tool);
        };
    }

    private ToolOutcome add(Map<String, Object> args) {
        if (!(args.get("title") instanceof String title) || title.isBlank()) {
            return ToolOutcome.error("title is required");
        }
        Task task = new Task(nextId++, title, args.get("description") instanceof String text ? text : "");
        setTimeFields(task, args);
        tasks.put(task.id, task);
        return ToolOutcome.ok(result(task, "created"));
    }

    private ToolOutcome list(Map<String, Object> args) {
        Object status = args.getOrDefault("status", "all");
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Task task : tasks.values()) {
            boolean wanted = switch (String.valueOf(status)) {
                case "pending" -> !task.completed;
                case "completed" -> task.completed;
                default -> true;
            };
            if (wanted && matchesFilters(task, args)) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", task.id);
                item.put("title", task.title);
                item.put("completed", task.completed);
                if (!task.description.isEmpty()) {
                    item.put("description", task.description);
                }
                if (task.due != null) {
                    item.put("due", task.due);
                }
                item.put("priority", task.priority);
                item.put("labels", task.labels);
                listed.add(item);
            }
        }
        return ToolOutcome.ok(listed);
    }

    private ToolOutcome onTask(String tool, Map<String, Object> args) {
        if (!(args.get("task_id") instanceof Number number)) {
            return ToolOutcome.error("task_id is required");
        }
        long id = number.longValue();
        Task task = tasks.get(id);
        if (task == null) {
            return ToolOutcome.error("Task " + id + " not found");
        }
        return switch (tool) {
            case COMPLETE_TASK -> {
                task.completed = true;
                yield ToolOutcome.ok(result(task, "completed"));
            }
            case DELETE_TASK -> {
                tasks.remove(id);
                yield ToolOutcome.ok(result(task, "deleted"));
            }
            default -> {
                if (args.get("title") instanceof String title) {
                    task.title = title;
                }
                if (args.get("description") instanceof String description) {
                    task.description = description;
                }
                setTimeFields(task, args);
                yield ToolOutcome.ok(result(task, "updated"));
            }
        };
    }

    private static void setTimeFields(Task task, Map<String, Object> args) {
        if (args.get("due") instanceof String due) {
            task.due = due;
        }
        if (args.get("priority") instanceof String priority) {
            task.priority = priority;
        }
        if (args.get("labels") instanceof List<?> labels) {
            task.labels = labels.stream().map(String::valueOf).toList();
        }
        if (args.get("recurrence") instanceof String recurrence) {
            task.recurrence = recurrence;
        }
        if (args.get("remind_at") instanceof String remindAt) {
            task.remindAt = remindAt;
        }
    }

    private boolean matchesFilters(Task task, Map<String, Object> args) {
        if (Boolean.TRUE.equals(args.get("overdue")) && (task.completed || task.due == null || !dueBefore(task.due))) {
            return false;
        }
        if (Boolean.TRUE.equals(args.get("due_today")) && (task.due == null || !task.due.startsWith(now.toLocalDate().toString()))) {
            return false;
        }
        if (args.get("label") instanceof String label && task.labels.stream().noneMatch(label::equalsIgnoreCase)) {
            return false;
        }
        if (args.get("priority") instanceof String priority && !priority.equals(task.priority)) {
            return false;
        }
        if (args.get("query") instanceof String query) {
            String text = (task.title + " " + task.description).toLowerCase(Locale.ROOT);
            return Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+")).allMatch(text::contains);
        }
        return true;
    }

    /** A day is overdue once it has passed; a time once it has come. */
    private boolean dueBefore(String due) {
        return due.length() == 10 ? LocalDate.parse(due).isBefore(now.toLocalDate()) : LocalDateTime.parse(due).isBefore(now);
    }

    private static Map<String, Object> result(Task task, String status) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task_id", task.id);
        result.put("status", status);
        result.put("title", task.title);
        return result;
    }
}
