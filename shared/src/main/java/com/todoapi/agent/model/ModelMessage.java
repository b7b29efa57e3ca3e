package com.todoapi.agent.model;

import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.ToolResult;

import java.util.List;

/**
 * A message of the conversation as every provider has it: the person's text, the assistant's
 * (with the tool calls it made), or the results of those calls. Providers render them their way.
 */
public sealed interface ModelMessage {

    record User(String text) implements ModelMessage {
    }

    record Assistant(String text, List<RequestedCall> calls) implements ModelMessage {
        public Assistant {
            text = text == null ? "" : text;
            calls = List.copyOf(calls);
        }
    }

    record ToolResults(List<ToolResult> results) implements ModelMessage {
        public ToolResults {
            results = List.copyOf(results);
        }
    }
}
