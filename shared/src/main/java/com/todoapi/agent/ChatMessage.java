package com.todoapi.agent;

import java.util.List;

/** An earlier message of the conversation as the agent sees it, with the tools its reply called. */
public record ChatMessage(Role role, String content, List<ToolCall> toolCalls) {

    public enum Role { USER, ASSISTANT }

    public ChatMessage {
        toolCalls = List.copyOf(toolCalls);
    }
}
