package com.todoapi.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.json.Json;

import java.time.Instant;

/**
 * A decision as the body of a {@code POST /chat/completions} answer: the documented
 * {@code chat.completion} object with one choice. A text answer has {@code content} and
 * finish_reason {@code stop}; tool calls have {@code content: null}, {@code tool_calls} (arguments
 * as a JSON string) and finish_reason {@code tool_calls}.
 */
final class ChatCompletionJson {
    private static final int CHARS_PER_TOKEN = 4;

    private ChatCompletionJson() {
    }

    static ObjectNode of(RulesModel.Decision decision, String model, long promptChars) {
        ObjectNode completion = Json.MAPPER.createObjectNode();
        completion.put("id", "chatcmpl-rules-" + Integer.toHexString(decision.hashCode()));
        completion.put("object", "chat.completion");
        completion.put("created", Instant.now().getEpochSecond());
        completion.put("model", model);
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        long completionChars;
        if (decision.callsTools()) {
            message.putNull("content");
            ArrayNode calls = message.putArray("tool_calls");
            completionChars = 0;
            for (RulesModel.Call call : decision.calls()) {
                calls.addObject().put("id", call.id()).put("type", "function").putObject("function")
                        .put("name", call.name()).put("arguments", call.argumentsJson());
                completionChars += call.name().length() + call.argumentsJson().length();
            }
        } else {
            message.put("content", decision.text());
            completionChars = decision.text().length();
        }
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", decision.callsTools() ? "tool_calls" : "stop");
        // Counted roughly as a tokenizer would, so a daily token budget sees the conversation's cost grow.
        long promptTokens = tokens(promptChars);
        long completionTokens = tokens(completionChars);
        completion.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return completion;
    }

    private static long tokens(long chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }
}
