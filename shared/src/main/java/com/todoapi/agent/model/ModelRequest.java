package com.todoapi.agent.model;

import java.time.Duration;
import java.util.List;

/** One call of the model: the system prompt, the messages so far, the tools it may call, and its limits. */
public record ModelRequest(String system, List<ModelMessage> messages, List<ModelTool> tools, int maxOutputTokens,
                           double temperature, Duration timeout) {

    public ModelRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }
}
