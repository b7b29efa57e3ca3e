package com.todoapi.agent.builtin;

import com.todoapi.agent.builtin.when.When;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the tools' results (docs/api.md "The todo tools") without trusting their shape: nothing here throws. */
final class ToolResults {

    private ToolResults() {
    }

    /** The task_id of an add/complete/delete/update result. */
    static OptionalLong taskId(Object result) {
        if (result instanceof Map<?, ?> map && map.get("task_id") instanceof Number id) {
            return OptionalLong.of(id.longValue());
        }
        return OptionalLong.empty();
    }

    static Optional<String> title(Object result) {
        if (result instanceof Map<?, ?> map && map.get("title") instanceof String title && !title.isBlank()) {
            return Optional.of(title);
        }
        return Optional.empty();
    }

    /** The tasks of a list_tasks result; entries without a numeric id are skipped. */
    static List<TaskView> tasks(Object result) {
        List<TaskView> tasks = new ArrayList<>();
        if (result instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> task && task.get("id") instanceof Number id) {
                    String title = task.get("title") instanceof String text ? text : "";
                    String description = task.get("description") instanceof String text ? text : "";
                    Optional<When> due = task.get("due") instanceof String text ? When.fromWire(text) : Optional.empty();
                    tasks.add(new TaskView(id.longValue(), title, Boolean.TRUE.equals(task.get("completed")), description,
                            due, labels(task.get("labels"))));
                }
            }
        }
        return tasks;
    }

    /** The labels of a listed task: its strings, anything else skipped. */
    private static List<String> labels(Object labels) {
        List<String> read = new ArrayList<>();
        if (labels instanceof List<?> list) {
            list.stream().filter(label -> label instanceof String text && !text.isBlank()).forEach(label -> read.add((String) label));
        }
        return read;
    }
}
