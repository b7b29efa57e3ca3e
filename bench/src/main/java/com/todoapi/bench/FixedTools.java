package com.todoapi.bench;

import com.todoapi.agent.ToolOutcome;
import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;
import com.todoapi.chat.TodoTools;
import com.todoapi.metrics.Metrics;

import java.util.List;
import java.util.Map;

/** The five tools' real specs (from TodoTools, which needs no task service for them); each call answers a fixed result at once. */
final class FixedTools implements Toolbox {
    private static final List<ToolSpec> SPECS = TodoTools.forRequest(null, "bench", new Metrics()).specs();

    @Override
    public List<ToolSpec> specs() {
        return SPECS;
    }

    @Override
    public ToolOutcome call(String tool, Map<String, Object> args) {
        return switch (tool) {
            case ADD_TASK -> ToolOutcome.ok(Map.of("task_id", 7L, "status", "created", "title", args.get("title")));
            case COMPLETE_TASK -> ToolOutcome.ok(Map.of("task_id", 1L, "status", "completed", "title", "Milk"));
            case LIST_TASKS -> ToolOutcome.ok(List.of(Map.of("id", 1L, "title", "Milk", "completed", false)));
            default -> ToolOutcome.error("Task 9 not found");
        };
    }
}
