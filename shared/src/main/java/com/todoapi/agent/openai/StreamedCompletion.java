package com.todoapi.agent.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.Usage;
import com.todoapi.agent.model.ModelCallException;
import com.todoapi.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A streamed Chat Completion put together from its {@code chat.completion.chunk} events, as
 * OpenAI's API reference describes the stream ("The chat completion chunk object"; the
 * {@code stream_options.include_usage} option): each chunk's {@code choices[0].delta} carries the
 * next piece of {@code content} (told to the listener at once) or {@code refusal}, and tool-call
 * fragments keyed by {@code index}, the first with the call's {@code id} and {@code function.name},
 * the next ones with more of {@code function.arguments}, concatenated; the last choice chunk has
 * the {@code finish_reason}; with usage asked for, one more chunk has {@code usage} and
 * {@code choices} empty (some servers send it null, leave it out, or send no usage chunk at all:
 * all read kindly); {@code data: [DONE]} ends the stream. An event whose data holds {@code error}
 * (or of type {@code error}) is a failure in the middle of the stream, as OpenAI's SDKs read it.
 * A body that ends before {@code [DONE]} was cut short: a retryable failure.
 */
final class StreamedCompletion {
    private final Consumer<String> text;
    private final long deadlineNanos;
    private final long timeoutMillis;
    private final StringBuilder content = new StringBuilder();
    private final StringBuilder refusal = new StringBuilder();
    private final Map<Integer, CallParts> calls = new TreeMap<>();
    private String finishReason = "";
    private String model = "";
    private long promptTokens;
    private long completionTokens;
    private boolean done;

    /** {@code text} hears each piece of content as it comes; the call fails past {@code timeoutMillis}. */
    StreamedCompletion(Consumer<String> text, long timeoutMillis) {
        this.text = text;
        this.timeoutMillis = timeoutMillis;
        this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000;
    }

    private static final class CallParts {
        private String id = "";
        private String name = "";
        private final StringBuilder arguments = new StringBuilder();
    }

    /** Reads one event; false once the stream is done. */
    boolean accept(EventStream.Event event) {
        if (event.data().startsWith("[DONE]")) { // as OpenAI's SDKs test it
            done = true;
            return false;
        }
        JsonNode chunk;
        try {
            chunk = Json.MAPPER.readTree(event.data());
        } catch (JsonProcessingException e) {
            throw ModelCallException.retryable("a streamed chunk of the model's answer is not JSON", null);
        }
        if (chunk == null || !chunk.isObject()) {
            throw ModelCallException.retryable("a streamed chunk of the model's answer is not a JSON object", null);
        }
        if (event.type().equals("error") || chunk.hasNonNull("error")) {
            throw failedMidStream(chunk.path("error"));
        }
        if (chunk.path("model").isTextual()) {
            model = chunk.get("model").asText();
        }
        JsonNode usage = chunk.path("usage");
        if (usage.isObject()) {
            promptTokens = usage.path("prompt_tokens").asLong(promptTokens);
            completionTokens = usage.path("completion_tokens").asLong(completionTokens);
        }
        JsonNode choices = chunk.path("choices");
        if (choices.isArray()) {
            for (JsonNode choice : choices) {
                if (choice.path("index").asInt(0) == 0) { // one choice asked for (n = 1)
                    choice(choice);
                }
            }
        } else if (!choices.isMissingNode() && !choices.isNull()) {
            throw ModelCallException.retryable("a streamed chunk's choices is not a list", null);
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            throw ModelCallException.retryable("the model did not finish within " + timeoutMillis + " ms", null);
        }
        return true;
    }

    private void choice(JsonNode choice) {
        JsonNode delta = choice.path("delta");
        if (delta.path("content").isTextual()) {
            String piece = delta.get("content").asText();
            content.append(piece);
            if (!piece.isEmpty()) {
                text.accept(piece);
            }
        }
        if (delta.path("refusal").isTextual()) {
            refusal.append(delta.get("refusal").asText());
        }
        JsonNode toolCalls = delta.path("tool_calls");
        if (!toolCalls.isMissingNode() && !toolCalls.isNull() && !toolCalls.isArray()) {
            throw ModelCallException.retryable("a streamed chunk's tool_calls is not a list", null);
        }
        for (JsonNode fragment : toolCalls) {
            // A server that sends no index sends each call whole: it gets the next place.
            int index = fragment.path("index").canConvertToInt() ? fragment.get("index").asInt() : calls.size();
            CallParts call = calls.computeIfAbsent(index, ignored -> new CallParts());
            if (fragment.path("id").isTextual() && !fragment.get("id").asText().isEmpty()) {
                call.id = fragment.get("id").asText();
            }
            JsonNode function = fragment.path("function");
            if (function.path("name").isTextual() && !function.get("name").asText().isEmpty()) {
                call.name = function.get("name").asText();
            }
            JsonNode arguments = function.path("arguments");
            // A string holding JSON by the protocol; a server that sends an object is read kindly.
            call.arguments.append(arguments.isTextual() ? arguments.asText()
                    : arguments.isMissingNode() || arguments.isNull() ? "" : arguments.toString());
        }
        if (choice.path("finish_reason").isTextual()) {
            finishReason = choice.get("finish_reason").asText();
        }
    }

    /** The whole answer; a stream that ended before {@code [DONE]} is a retryable failure. */
    ModelAnswer answer() {
        if (!done) {
            throw ModelCallException.retryable("the model's stream ended before [DONE]"
                    + (finishReason.isEmpty() ? " and before a finish_reason" : ""), null);
        }
        List<RequestedCall> requested = new ArrayList<>();
        calls.values().forEach(call -> requested.add(new RequestedCall(call.id, call.name, call.arguments.toString())));
        // The content, or, when the model declined (no content), its refusal: the person reads why.
        String said = content.isEmpty() ? refusal.toString() : content.toString();
        return new ModelAnswer(said, requested, new Usage(model, promptTokens, completionTokens), finishReason);
    }

    private static ModelCallException failedMidStream(JsonNode error) {
        String code = error.path("code").asText("");
        String type = error.path("type").asText("");
        String found = !code.isEmpty() ? code : type;
        String shown = found.matches("[A-Za-z0-9_.-]{1,64}") ? " (" + found + ")" : "";
        if (found.equals("insufficient_quota")) {
            return ModelCallException.permanent("the model's stream failed" + shown);
        }
        return ModelCallException.retryable("the model's stream failed" + shown, null);
    }
}
