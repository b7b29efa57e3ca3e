package com.todoapi.agent;

import java.util.List;

/**
 * One answer of the model: its text (may be empty when it only calls tools), the tool calls it
 * asks for (empty when it is done), what it used, and why it stopped, as the provider says it.
 */
public record ModelAnswer(String text, List<RequestedCall> calls, Usage usage, String stopReason) {

    public ModelAnswer {
        text = text == null ? "" : text;
        calls = List.copyOf(calls);
        usage = usage == null ? Usage.NONE : usage;
        stopReason = stopReason == null ? "" : stopReason;
    }
}
