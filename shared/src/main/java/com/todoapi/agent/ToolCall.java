package com.todoapi.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call of a tool as it is recorded on a reply: {@code {"tool", "args", "result"}}. The result
 * is the tool's JSON result (a map or a list of maps), or {@code {"error": "..."}} for a tool error.
 */
public record ToolCall(String tool, Map<String, Object> args, Object result) {

    /** A copy that keeps null arguments: {@code update_task} clears a field with one. */
    public ToolCall {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    public boolean failed() {
        return result instanceof Map<?, ?> map && map.containsKey("error");
    }
}
