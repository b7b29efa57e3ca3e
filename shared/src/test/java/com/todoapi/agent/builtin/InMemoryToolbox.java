package com.todoapi.agent.builtin;

import com.todoapi.agent.ToolCall;
import com.todoapi.agent.ToolOutcome;
import com.todoapi.agent.ToolHints;
import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five todo tools over a map, for unit tests: tasks are numbered from 1, every call is
 * recorded, a missing task is the tool error "Task N not found" (docs/api.md "The todo tools").
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
            if (wanted) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", task.id);
                item.put("title", task.title);
                item.put("completed", task.completed);
                if (!task.description.isEmpty()) {
                    item.put("description", task.description);
                }
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
                yield ToolOutcome.ok(result(task, "updated"));
            }
        };
    }

    private static Map<String, Object> result(Task task, String status) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task_id", task.id);
        result.put("status", status);
        result.put("title", task.title);
        return result;
    }
}
