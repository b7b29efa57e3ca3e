package com.todoapi.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.agent.builtin.BuiltInAgent;
import com.todoapi.json.Json;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deterministic stand-in for a language model behind an OpenAI-compatible Chat Completions API:
 * it answers a request as the built-in agent would act on the same conversation, so that the model
 * agent, driven by it through the real model loop and wire protocol, makes the built-in agent's tool
 * calls for the same natural messages. Every request runs the rules again from the start of the
 * turn ({@link ReplayedTurn}); the answer is their next tool call, one per round, or their reply.
 * Safe to share between threads.
 */
public final class RulesModel {
    private final BuiltInAgent rules = new BuiltInAgent();

    /** What the model says to a request: its {@code choices[0].message}. */
    public Decision answer(JsonNode chatCompletionsRequest) {
        CompletionsTranscript transcript = CompletionsTranscript.read(chatCompletionsRequest);
        ReplayedTurn.Ending ending = ReplayedTurn.run(transcript.callsThisTurn(),
                tools -> rules.respond(transcript.turn(), tools));
        return switch (ending) {
            case ReplayedTurn.Finished finished -> Decision.text(finished.text());
            case ReplayedTurn.WantsCall call -> Decision.toolCalls(List.of(new Call(
                    "call_" + transcript.turnNumber() + "_" + call.index(), call.tool(), json(call.args()))));
        };
    }

    /** The whole answer to a request, as a Chat Completions server sends it. */
    public JsonNode complete(JsonNode chatCompletionsRequest) {
        return ChatCompletionJson.of(answer(chatCompletionsRequest), chatCompletionsRequest.path("model").asText("rules"),
                chatCompletionsRequest.toString().length());
    }

    /** A decision as a {@code chat.completion} object; its usage counts no prompt. */
    public static JsonNode toChatCompletion(Decision decision, String model) {
        return ChatCompletionJson.of(decision, model, 0);
    }

    /** The assistant's message: text when it is done, else the tool calls it asks for. */
    public record Decision(String text, List<Call> calls) {
        public Decision {
            text = text == null ? "" : text;
            calls = List.copyOf(calls);
        }

        public static Decision text(String text) {
            return new Decision(text, List.of());
        }

        public static Decision toolCalls(List<Call> calls) {
            return new Decision("", calls);
        }

        public boolean callsTools() {
            return !calls.isEmpty();
        }
    }

    /** One tool call: its id (to pair with its result), the tool, and the arguments as a JSON text. */
    public record Call(String id, String name, String argumentsJson) {
    }

    /** Keys in order: the same call is the same text whatever map the rules built it in. */
    private static String json(Map<String, Object> args) {
        try {
            return Json.MAPPER.writeValueAsString(new TreeMap<>(args));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Tool arguments could not be written as JSON", e);
        }
    }
}
