package com.todoapi.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.agent.AgentTurn;
import com.todoapi.agent.ChatMessage;
import com.todoapi.agent.ToolCall;
import com.todoapi.agent.ToolOutcome;
import com.todoapi.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Chat Completions request read back into the turn the model agent is on: the rolling summary
 * from the system prompt, the earlier messages as the worker stored them (each reply with the tool
 * calls it made), the message to answer, and the calls this turn has made so far with their results.
 *
 * <p>The model agent sends an earlier reply as an assistant message with tool_calls, one tool
 * message per call, then an assistant message with the reply's text; the calls of the turn in
 * progress are the same, without the closing text. So the current turn is the last user message,
 * and the calls after it are this turn's.
 */
record CompletionsTranscript(AgentTurn turn, int turnNumber, List<MadeCall> callsThisTurn) {

    /**
     * What the system prompt says before the summary (SystemPrompt, package-private in shared, so
     * copied here): a change of its wording shows up as a brain that has forgotten the conversation.
     */
    static final String SUMMARY_HEADING = "\n\nWhat was done earlier in this conversation (oldest first):\n";

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** A tool call this turn made, and what it gave. */
    record MadeCall(String tool, ToolOutcome outcome) {
    }

    CompletionsTranscript {
        callsThisTurn = List.copyOf(callsThisTurn);
    }

    static CompletionsTranscript read(JsonNode request) {
        String summary = "";
        List<ChatMessage> messages = new ArrayList<>();
        Map<String, PendingCall> pending = new LinkedHashMap<>(); // by call id, until the reply's text closes them
        for (JsonNode message : request.path("messages")) {
            switch (message.path("role").asText("")) {
                case "system" -> summary = summaryIn(text(message));
                case "user" -> {
                    if (!pending.isEmpty()) {
                        throw new IllegalArgumentException("Tool calls with no reply before a user message");
                    }
                    messages.add(new ChatMessage(ChatMessage.Role.USER, text(message), List.of()));
                }
                case "assistant" -> {
                    if (message.path("tool_calls").isEmpty()) {
                        messages.add(new ChatMessage(ChatMessage.Role.ASSISTANT, text(message),
                                pending.values().stream().map(PendingCall::recorded).toList()));
                        pending.clear();
                    } else {
                        for (JsonNode call : message.path("tool_calls")) {
                            JsonNode function = call.path("function");
                            pending.put(call.path("id").asText(""), new PendingCall(function.path("name").asText(""),
                                    arguments(function.path("arguments").asText(""))));
                        }
                    }
                }
                case "tool" -> {
                    PendingCall call = pending.get(message.path("tool_call_id").asText(""));
                    if (call == null) {
                        throw new IllegalArgumentException("A tool result for a call that was not made");
                    }
                    call.outcome = ToolResultJson.outcome(text(message));
                }
                default -> throw new IllegalArgumentException("A message of role " + message.path("role"));
            }
        }
        if (messages.isEmpty() || messages.getLast().role() != ChatMessage.Role.USER) {
            throw new IllegalArgumentException("The request's messages end with no user message to answer");
        }
        String userMessage = messages.getLast().content();
        List<ChatMessage> history = messages.subList(0, messages.size() - 1);
        int turnNumber = (int) messages.stream().filter(message -> message.role() == ChatMessage.Role.USER).count();
        List<MadeCall> made = pending.values().stream().map(call -> new MadeCall(call.tool, call.outcome())).toList();
        return new CompletionsTranscript(new AgentTurn(summary, history, userMessage), turnNumber, made);
    }

    private static String summaryIn(String systemPrompt) {
        int heading = systemPrompt.indexOf(SUMMARY_HEADING);
        return heading < 0 ? "" : systemPrompt.substring(heading + SUMMARY_HEADING.length());
    }

    private static String text(JsonNode message) {
        return message.path("content").isTextual() ? message.path("content").asText() : "";
    }

    private static Map<String, Object> arguments(String json) {
        try {
            return json.isBlank() ? Map.of() : Json.MAPPER.readValue(json, OBJECT);
        } catch (JsonProcessingException notAnObject) {
            return Map.of();
        }
    }

    /** A call the assistant asked for, and its result once the tool message that answers it is read. */
    private static final class PendingCall {
        final String tool;
        final Map<String, Object> args;
        ToolOutcome outcome;

        PendingCall(String tool, Map<String, Object> args) {
            this.tool = tool;
            this.args = args;
        }

        ToolOutcome outcome() {
            if (outcome == null) {
                throw new IllegalArgumentException("The tool call to " + tool + " has no result");
            }
            return outcome;
        }

        ToolCall recorded() {
            return new ToolCall(tool, args, outcome().recorded());
        }
    }
}
