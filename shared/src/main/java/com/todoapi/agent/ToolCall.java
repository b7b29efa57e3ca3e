package com.todoapi.agent;

import java.util.Map;

/**
 * One call of a tool as it is recorded on a reply: {@code {"tool", "args", "result"}}. The result
 * is the tool's JSON result (a map or a list of maps), or {@code {"error": "..."}} for a tool error.
 */
public record ToolCall(String tool, Map<String, Object> args, Object result) {

    public ToolCall {
        args = Map.copyOf(args);
    }

    public boolean failed() {
        return result instanceof Map<?, ?> map && map.containsKey("error");
    }
}
