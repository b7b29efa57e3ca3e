package com.todoapi.agent;

/** What a requested call gave, as the model will read it: the call's id, a JSON text, and whether it failed. */
public record ToolResult(String callId, String content, boolean error) {
}
