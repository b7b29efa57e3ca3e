package com.todoapi.agent.model;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One call of the model: the system prompt, the messages so far, the tools it may call, and its
 * limits. No temperature leaves the provider's default (some reasoning models accept no other).
 */
public record ModelRequest(String system, List<ModelMessage> messages, List<ModelTool> tools, int maxOutputTokens,
                           OptionalDouble temperature, Duration timeout) {

    public ModelRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        temperature = temperature == null ? OptionalDouble.empty() : temperature;
    }

    public ModelRequest(String system, List<ModelMessage> messages, List<ModelTool> tools, int maxOutputTokens,
                        double temperature, Duration timeout) {
        this(system, messages, tools, maxOutputTokens, OptionalDouble.of(temperature), timeout);
    }
}
