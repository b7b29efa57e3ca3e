package com.todoapi.agent;

import java.util.Map;

/**
 * What a tool call gave: its result in the shape docs/api.md documents, or a tool error the agent
 * should explain to the person (e.g. "Task 9 not found"). Tool errors are answers, not failures.
 */
public record ToolOutcome(Object result, String error) {

    public static ToolOutcome ok(Object result) {
        return new ToolOutcome(result, null);
    }

    public static ToolOutcome error(String message) {
        return new ToolOutcome(null, message);
    }

    public boolean succeeded() {
        return error == null;
    }

    /** The result as it is recorded on the reply. */
    public Object recorded() {
        return succeeded() ? result : Map.of("error", error);
    }
}
