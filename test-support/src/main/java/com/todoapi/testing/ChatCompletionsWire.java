package com.todoapi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

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
        putUsage(body, prompt, completion);
        body.put("service_tier", "default");
        body.put("system_fingerprint", "fp_fake0000");
        return body.toString();
    }

    private static void putUsage(ObjectNode body, long prompt, long completion) {
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
    }

    /**
     * The same answer as a stream's {@code chat.completion.chunk} objects, in order (openai-python
     * {@code types/chat/chat_completion_chunk.py}; OpenAI's API reference, "The chat completion
     * chunk object"): a first chunk with the role, the content in pieces of {@code piece}
     * characters (or the refusal), each tool call as a first fragment with its index, id and name
     * then its arguments in pieces, a chunk with the {@code finish_reason} and an empty delta,
     * then, as {@code usage} says, the usage chunk. With {@code include_usage} every chunk before
     * the last carries {@code "usage": null}, as OpenAI sends them.
     */
    static List<String> chunks(JsonNode request, FakeChatCompletions.Answer answer, long createdEpochSecond, int piece,
                               FakeChatCompletions.UsageChunk usageChunk) {
        String id = "chatcmpl-" + randomId(29);
        String model = request.path("model").asText("gpt-fake");
        String fingerprint = "fp_fake0000";
        boolean includeUsage = request.path("stream_options").path("include_usage").asBoolean(false);
        List<String> chunks = new ArrayList<>();
        java.util.function.Function<ObjectNode, String> chunk = delta -> {
            ObjectNode body = head(id, createdEpochSecond, model, fingerprint);
            ObjectNode choice = body.putArray("choices").addObject();
            choice.put("index", 0);
            choice.set("delta", delta.get("delta"));
            choice.putNull("logprobs");
            if (delta.has("finish_reason")) {
                choice.set("finish_reason", delta.get("finish_reason"));
            } else {
                choice.putNull("finish_reason");
            }
            if (includeUsage) {
                body.putNull("usage");
            }
            return body.toString();
        };
        ObjectNode first = JSON.createObjectNode();
        ObjectNode firstDelta = first.putObject("delta").put("role", "assistant");
        boolean hasText = answer.content() != null && !answer.content().isEmpty();
        if (answer.content() != null && answer.toolCalls().isEmpty() || hasText) {
            firstDelta.put("content", "");
        } else {
            firstDelta.putNull("content");
        }
        firstDelta.putNull("refusal");
        chunks.add(chunk.apply(first));
        for (String part : pieces(answer.content(), piece)) {
            ObjectNode next = JSON.createObjectNode();
            next.putObject("delta").put("content", part);
            chunks.add(chunk.apply(next));
        }
        for (String part : pieces(answer.refusal(), piece)) {
            ObjectNode next = JSON.createObjectNode();
            next.putObject("delta").put("refusal", part);
            chunks.add(chunk.apply(next));
        }
        for (int i = 0; i < answer.toolCalls().size(); i++) {
            FakeChatCompletions.Call call = answer.toolCalls().get(i);
            ObjectNode opening = JSON.createObjectNode();
            ObjectNode fragment = opening.putObject("delta").putArray("tool_calls").addObject();
            fragment.put("index", i);
            fragment.put("id", call.id() != null ? call.id() : "call_" + randomId(24));
            fragment.put("type", "function");
            fragment.putObject("function").put("name", call.name()).put("arguments", "");
            chunks.add(chunk.apply(opening));
            for (String part : pieces(call.arguments(), piece)) {
                ObjectNode more = JSON.createObjectNode();
                ObjectNode moreFragment = more.putObject("delta").putArray("tool_calls").addObject();
                moreFragment.put("index", i);
                moreFragment.putObject("function").put("arguments", part);
                chunks.add(chunk.apply(more));
            }
        }
        ObjectNode last = JSON.createObjectNode();
        last.putObject("delta");
        last.put("finish_reason", answer.finishReason());
        chunks.add(chunk.apply(last));
        if (includeUsage && usageChunk != FakeChatCompletions.UsageChunk.NONE) {
            ObjectNode body = head(id, createdEpochSecond, model, fingerprint);
            if (usageChunk == FakeChatCompletions.UsageChunk.NULL_CHOICES) {
                body.putNull("choices");
            } else {
                body.putArray("choices");
            }
            long prompt = answer.usage().map(FakeChatCompletions.Tokens::prompt).orElseGet(() -> promptTokens(request));
            long completion = answer.usage().map(FakeChatCompletions.Tokens::completion).orElseGet(() -> completionTokens(answer));
            putUsage(body, prompt, completion);
            chunks.add(body.toString());
        }
        return chunks;
    }

    private static ObjectNode head(String id, long created, String model, String fingerprint) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", id);
        body.put("object", "chat.completion.chunk");
        body.put("created", created);
        body.put("model", model);
        body.put("service_tier", "default");
        body.put("system_fingerprint", fingerprint);
        return body;
    }

    /** The text in pieces of at most {@code size} characters, never splitting a surrogate pair; none for null or "". */
    private static List<String> pieces(String text, int size) {
        List<String> pieces = new ArrayList<>();
        if (text == null) {
            return pieces;
        }
        int at = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + Math.max(1, size));
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            pieces.add(text.substring(at, end));
            at = end;
        }
        return pieces;
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
