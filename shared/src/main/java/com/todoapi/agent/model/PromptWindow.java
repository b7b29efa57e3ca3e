package com.todoapi.agent.model;

import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.ToolResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.todoapi.agent.ChatMessage;
import com.todoapi.agent.ToolCall;
import com.todoapi.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * The turn's window of earlier messages as model messages: each earlier reply with the tool calls
 * it made (as calls and their results, capped) before its text, then the message to answer.
 * The window is bounded by the worker, each message by the message limit and each result by
 * {@link ToolResultText}, so the prompt does not grow with the conversation.
 */
final class PromptWindow {
    /** Tool calls of one earlier reply that are shown, its first ones; its text still says what it did. */
    static final int CALLS_PER_EARLIER_REPLY = 8;
    /**
     * Stands for the reply of an earlier message that has none (it failed before it was written),
     * so that the person and the assistant still take turns, as some providers insist.
     */
    static final String NO_REPLY = "(no reply)";

    private PromptWindow() {
    }

    static List<ModelMessage> of(List<ChatMessage> history, String userMessage) {
        List<ModelMessage> messages = new ArrayList<>();
        int number = 0;
        for (ChatMessage message : history) {
            number++;
            if (message.role() == ChatMessage.Role.USER) {
                if (!messages.isEmpty() && messages.getLast() instanceof ModelMessage.User) {
                    messages.add(new ModelMessage.Assistant(NO_REPLY, List.of()));
                }
                messages.add(new ModelMessage.User(message.content()));
                continue;
            }
            if (messages.isEmpty()) {
                continue; // every provider wants the person first; a window may start with a reply
            }
            List<ToolCall> calls = message.toolCalls().stream().limit(CALLS_PER_EARLIER_REPLY).toList();
            if (!calls.isEmpty()) {
                List<RequestedCall> requested = new ArrayList<>();
                List<ToolResult> results = new ArrayList<>();
                for (int i = 0; i < calls.size(); i++) {
                    String id = "h" + number + "_" + i;
                    requested.add(new RequestedCall(id, calls.get(i).tool(), json(calls.get(i).args())));
                    results.add(new ToolResult(id, ToolResultText.of(calls.get(i).result()), calls.get(i).failed()));
                }
                messages.add(new ModelMessage.Assistant("", requested));
                messages.add(new ModelMessage.ToolResults(results));
            }
            messages.add(new ModelMessage.Assistant(message.content(), List.of()));
        }
        if (!messages.isEmpty() && messages.getLast() instanceof ModelMessage.User) {
            messages.add(new ModelMessage.Assistant(NO_REPLY, List.of()));
        }
        messages.add(new ModelMessage.User(userMessage));
        return messages;
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Tool arguments could not be written as JSON", e);
        }
    }
}
