package com.todoapi.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.todoapi.agent.ToolOutcome;
import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;
import com.todoapi.chat.TodoTools;
import com.todoapi.json.Json;
import com.todoapi.metrics.Metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The five tools over a list in memory, with the real tools' schemas (which the model loop checks
 * arguments against) and their result shapes: enough of a task list for an agent to act on, with
 * every call it makes recorded.
 */
final class TaskListTools implements Toolbox {

    /** A call as the agent made it; the arguments as JSON with their keys in order, as any agent's calls compare. */
    record Call(String tool, String argumentsJson) {
    }

    private final Map<Long, Map<String, Object>> tasks = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private long nextId = 1;

    /** A task that was there before the conversation; no call is recorded. */
    TaskListTools with(String title) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", nextId);
        task.put("title", title);
        task.put("completed", false);
        tasks.put(nextId++, task);
        return this;
    }

    /** A task that was done before the conversation. */
    TaskListTools withCompleted(String title) {
        with(title);
        tasks.get(nextId - 1).put("completed", true);
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The real tools' specs, which depend on none of the tools' state. */
    @Override
    public List<ToolSpec> specs() {
        return TodoTools.forRequest(null, "", new Metrics()).specs();
    }

    @Override
    public ToolOutcome call(String tool, Map<String, Object> args) {
        calls.add(new Call(tool, json(args)));
        return switch (tool) {
            case ADD_TASK -> {
                with((String) args.get("title"));
                if (args.get("description") instanceof String description && !description.isEmpty()) {
                    tasks.get(nextId - 1).put("description", description);
                }
                yield ToolOutcome.ok(changed(nextId - 1, "created"));
            }
            case LIST_TASKS -> ToolOutcome.ok(listed((String) args.getOrDefault("status", "all")));
            default -> onOneTask(tool, args);
        };
    }

    private List<Map<String, Object>> listed(String status) {
        return tasks.values().stream().filter(task -> switch (status) {
            case "pending" -> !(Boolean) task.get("completed");
            case "completed" -> (Boolean) task.get("completed");
            default -> true;
        }).<Map<String, Object>>map(LinkedHashMap::new).toList();
    }

    private ToolOutcome onOneTask(String tool, Map<String, Object> args) {
        long id = ((Number) args.get("task_id")).longValue();
        if (!tasks.containsKey(id)) {
            return ToolOutcome.error("Task " + id + " not found");
        }
        return switch (tool) {
            case COMPLETE_TASK -> {
                tasks.get(id).put("completed", true);
                yield ToolOutcome.ok(changed(id, "completed"));
            }
            case DELETE_TASK -> {
                Map<String, Object> deleted = changed(id, "deleted");
                tasks.remove(id);
                yield ToolOutcome.ok(deleted);
            }
            default -> {
                for (String field : List.of("title", "description")) {
                    if (args.get(field) instanceof String text) {
                        tasks.get(id).put(field, text);
                    }
                }
                yield ToolOutcome.ok(changed(id, "updated"));
            }
        };
    }

    private static String json(Map<String, Object> args) {
        try {
            return Json.MAPPER.writeValueAsString(new TreeMap<>(args));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> changed(long id, String status) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task_id", id);
        result.put("status", status);
        result.put("title", tasks.get(id).get("title"));
        return result;
    }
}
