package com.todoapi.aws.bedrock;

import com.todoapi.agent.ToolHints;
import com.todoapi.agent.ToolOutcome;
import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two of the todo tools (list_tasks and complete_task, with the schemas chat/ToolSpecs gives them)
 * answering fixed results: one pending task, "Buy milk", number 2. Calls are recorded as text.
 */
final class FixedToolbox implements Toolbox {
    static final String PENDING_JSON = "[{\"id\":2,\"title\":\"Buy milk\",\"completed\":false}]";

    private final List<String> calls = new ArrayList<>();

    @Override
    public List<ToolSpec> specs() {
        return List.of(
                new ToolSpec(LIST_TASKS, "List tasks", "Lists the user's tasks, all of them or by status, oldest first.", """
                        {"type":"object","properties":{"status":{"type":"string","enum":["all","pending","completed"],\
                        "default":"all"}},"additionalProperties":false}""", "{}", ToolHints.readsOnly()),
                new ToolSpec(COMPLETE_TASK, "Complete a task", "Marks a task as completed.", """
                        {"type":"object","properties":{"task_id":{"type":"integer","minimum":1,\
                        "description":"The task's number"}},"required":["task_id"],"additionalProperties":false}""",
                        "{}", new ToolHints(false, false, true)));
    }

    @Override
    public ToolOutcome call(String tool, Map<String, Object> args) {
        calls.add(tool + " " + args);
        return switch (tool) {
            case LIST_TASKS -> ToolOutcome.ok(List.of(Map.of("id", 2, "title", "Buy milk", "completed", false)));
            case COMPLETE_TASK -> ToolOutcome.ok(Map.of("task_id", 2, "status", "completed", "title", "Buy milk"));
            default -> ToolOutcome.error("no tool " + tool);
        };
    }

    List<String> calls() {
        return List.copyOf(calls);
    }
}
