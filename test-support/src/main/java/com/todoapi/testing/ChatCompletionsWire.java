package com.todoapi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The JSON bodies OpenAI's Chat Completions API sends, field for field and in its order: the
 * {@code chat.completion} object (openai-python {@code types/chat/chat_completion.py},
 * {@code chat_completion_message.py}, {@code completion_usage.py}) and the error envelope
 * {@code {"error":{"message","type","param","code"}}}. Optional fields OpenAI leaves out unless
 * asked for (audio, moderation, metadata) are left out here too.
 */
final class ChatCompletionsWire {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChatCompletionsWire() {
    }

    static String completion(JsonNode request, FakeChatCompletions.Answer answer, long createdEpochSecond) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-" + randomId(29));
        body.put("object", "chat.completion");
        body.put("created", createdEpochSecond);
        body.put("model", request.path("model").asText("gpt-fake"));
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        putNullable(message, "content", answer.content());
        putNullable(message, "refusal", answer.refusal());
        message.putArray("annotations");
        if (!answer.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (FakeChatCompletions.Call call : answer.toolCalls()) {
                ObjectNode rendered = calls.addObject();
                rendered.put("id", call.id() != null ? call.id() : "call_" + randomId(24));
                rendered.put("type", "function");
                // The protocol sends arguments as a string holding JSON; the fake sends the test's string untouched.
                rendered.putObject("function").put("name", call.name()).put("arguments", call.arguments());
            }
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", answer.finishReason());
        long prompt = answer.usage().map(FakeChatCompletions.Tokens::prompt).orElseGet(() -> promptTokens(request));
        long completion = answer.usage().map(FakeChatCompletions.Tokens::completion).orElseGet(() -> completionTokens(answer));
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        body.put("service_tier", "default");
        body.put("system_fingerprint", "fp_fake0000");
        return body.toString();
    }

    static String error(String message, String type, String param, String code) {
        ObjectNode error = JSON.createObjectNode().putObject("error");
        error.put("message", message);
        error.put("type", type);
        putNullable(error, "param", param);
        putNullable(error, "code", code);
        return "{\"error\":" + error + "}";
    }

    /** See {@link FakeChatCompletions#promptTokens(JsonNode)}. */
    static long promptTokens(JsonNode request) {
        String counted = request.path("messages").toString() + (request.has("tools") ? request.get("tools").toString() : "");
        return quarterBytes(counted);
    }

    static long completionTokens(FakeChatCompletions.Answer answer) {
        StringBuilder counted = new StringBuilder();
        counted.append(answer.content() == null ? "" : answer.content());
        counted.append(answer.refusal() == null ? "" : answer.refusal());
        answer.toolCalls().forEach(call -> counted.append(call.name()).append(call.arguments()));
        return quarterBytes(counted.toString());
    }

    private static long quarterBytes(String text) {
        return (text.getBytes(StandardCharsets.UTF_8).length + 3) / 4;
    }

    private static void putNullable(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    static String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }
}
