package com.todoapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.testing.FakeChatCompletions.Step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the benchmarks' model says, as a Chat Completions fake's brain: to the person's message,
 * one add_task call with the task it names ("Add a task to buy milk" adds "Buy milk"); to the
 * tool's result, a one-line confirmation with the task's number and title. A two-round turn.
 */
final class AddThenConfirm implements Function<JsonNode, Step> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASKED = "add a task to ";

    @Override
    public Step apply(JsonNode request) {
        JsonNode messages = request.path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        if (last.path("role").asText().equals("tool")) {
            JsonNode result = parse(last.path("content").asText());
            if (result.has("error")) {
                return Step.text("I could not add it: " + result.path("error").asText());
            }
            return Step.text("Added task " + result.path("task_id").asLong() + " \"" + result.path("title").asText() + "\".");
        }
        return Step.toolCalls(Step.call("add_task", json(Map.of("title", title(last.path("content").asText())))));
    }

    static String title(String message) {
        String text = message.strip();
        if (text.toLowerCase(Locale.ROOT).startsWith(ASKED)) {
            text = text.substring(ASKED.length());
        }
        text = text.length() > 200 ? text.substring(0, 200) : text;
        return text.isEmpty() ? "Something" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
