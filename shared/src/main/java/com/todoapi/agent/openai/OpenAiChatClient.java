package com.todoapi.agent.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.model.ModelCallException;
import com.todoapi.agent.model.ModelClient;
import com.todoapi.agent.model.ModelMessage;
import com.todoapi.agent.model.ModelRequest;
import com.todoapi.agent.model.ModelTool;
import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.ToolResult;
import com.todoapi.agent.Usage;
import com.todoapi.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An OpenAI-compatible Chat Completions API ({@code POST {base}/chat/completions} with
 * {@code tools} and {@code tool_choice: "auto"}, streamed: {@link StreamedCompletion}) over {@link JsonPost}: OpenAI, Azure OpenAI's
 * v1 endpoint, OpenRouter, Groq, Gemini's OpenAI-compatible endpoint, vLLM, Ollama. Failures are
 * mapped for {@link ModelCallException}: 408, 409, 429 and 5xx may pass (a 429 whose error is
 * {@code insufficient_quota} will not), any other status will not. Nothing of the request or the
 * answer goes into an exception's message: only the status and the provider's error code.
 */
public final class OpenAiChatClient implements ModelClient {
    private final OpenAiSettings settings;

    public OpenAiChatClient(OpenAiSettings settings) {
        this.settings = settings;
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public ModelAnswer complete(ModelRequest request) {
        return complete(request, piece -> { });
    }

    /**
     * Asks for a streamed completion and reads its server-sent events as they come, telling
     * {@code text} each piece of content. A server that ignores {@code stream} and answers one
     * JSON completion is read as that, its text told at once.
     */
    @Override
    public ModelAnswer complete(ModelRequest request, Consumer<String> text) {
        Map<String, String> headers = settings.apiKey()
                .map(key -> Map.of(settings.keyHeader(), settings.keyPrefix() + key)).orElse(Map.of());
        long timeoutMillis = request.timeout().toMillis();
        JsonPost.Streamed<ModelAnswer> streamed = JsonPost.stream(settings.completionsUri(), headers, body(request),
                request.timeout(), (body, contentType) -> {
                    if (contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                        ModelAnswer whole = answer(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                        if (!whole.text().isEmpty()) {
                            text.accept(whole.text());
                        }
                        return whole;
                    }
                    return streamedAnswer(body, text, timeoutMillis);
                });
        if (streamed.failure().isPresent()) {
            throw failure(streamed.failure().get());
        }
        return streamed.value().orElseThrow();
    }

    String body(ModelRequest request) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", settings.model());
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", request.system());
        for (ModelMessage message : request.messages()) {
            switch (message) {
                case ModelMessage.User user -> messages.addObject().put("role", "user").put("content", user.text());
                case ModelMessage.Assistant assistant -> {
                    ObjectNode said = messages.addObject().put("role", "assistant");
                    if (assistant.calls().isEmpty()) {
                        said.put("content", assistant.text());
                    } else {
                        if (assistant.text().isEmpty()) {
                            said.putNull("content");
                        } else {
                            said.put("content", assistant.text());
                        }
                        ArrayNode calls = said.putArray("tool_calls");
                        for (RequestedCall requested : assistant.calls()) {
                            ObjectNode call = calls.addObject().put("id", requested.id()).put("type", "function");
                            call.putObject("function").put("name", requested.tool()).put("arguments", requested.arguments());
                        }
                    }
                }
                case ModelMessage.ToolResults results -> {
                    for (ToolResult result : results.results()) {
                        messages.addObject().put("role", "tool").put("tool_call_id", result.callId())
                                .put("content", result.content());
                    }
                }
            }
        }
        ArrayNode tools = body.putArray("tools");
        for (ModelTool tool : request.tools()) {
            ObjectNode function = tools.addObject().put("type", "function").putObject("function");
            function.put("name", tool.name()).put("description", tool.description());
            function.set("parameters", tree(tool.parametersJsonSchema()));
        }
        body.put("tool_choice", "auto");
        body.put(settings.maxTokensField(), request.maxOutputTokens());
        request.temperature().ifPresent(temperature -> body.put("temperature", temperature));
        return body.toString();
    }

    /** A streamed answer read from {@code body}, its text told to {@code text} as it comes. */
    static ModelAnswer streamedAnswer(InputStream body, Consumer<String> text, long timeoutMillis) throws IOException {
        StreamedCompletion completion = new StreamedCompletion(text, timeoutMillis);
        new EventStream(body).read(completion::accept);
        return completion.answer();
    }

    static ModelAnswer answer(String body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ModelCallException.retryable("the model's answer is not JSON", null);
        }
        if (root == null || !root.isObject()) {
            throw ModelCallException.retryable("the model's answer is not a JSON object", null);
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) {
            throw ModelCallException.retryable("the model's answer has no choices[0].message", null);
        }
        JsonNode toolCalls = message.path("tool_calls");
        if (!toolCalls.isMissingNode() && !toolCalls.isNull() && !toolCalls.isArray()) {
            throw ModelCallException.retryable("the model's answer has a choices[0].message.tool_calls that is not a list", null);
        }
        List<RequestedCall> calls = new ArrayList<>();
        for (JsonNode call : toolCalls) {
            JsonNode function = call.path("function");
            JsonNode arguments = function.path("arguments");
            // The arguments are a JSON string by the protocol; a server that sends an object is read kindly.
            calls.add(new RequestedCall(call.path("id").asText(""), function.path("name").asText(""),
                    arguments.isTextual() ? arguments.asText() : arguments.isMissingNode() ? "" : arguments.toString()));
        }
        JsonNode usage = root.path("usage");
        return new ModelAnswer(text(message), calls, new Usage(root.path("model").asText(""),
                usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0)),
                choice.path("finish_reason").asText(""));
    }

    /** The content, or, when the model declined (content null), its refusal: the person reads why. */
    private static String text(JsonNode message) {
        if (message.path("content").isTextual()) {
            return message.get("content").asText();
        }
        return message.path("refusal").isTextual() ? message.get("refusal").asText() : "";
    }

    private static ModelCallException failure(JsonPost.Answered response) {
        int status = response.status();
        String code = errorCode(response.body());
        String message = "the model answered HTTP " + status + (code.isEmpty() ? "" : " (" + code + ")");
        boolean mayPass = status == 408 || status == 409 || status == 429 || status >= 500;
        if (code.equals("insufficient_quota") || !mayPass) {
            return new ModelCallException(ModelCallException.Kind.PERMANENT, message, null, null);
        }
        return new ModelCallException(ModelCallException.Kind.RETRYABLE, message, retryAfter(response).orElse(null), null);
    }

    /**
     * {@code retry-after-ms} (milliseconds, as OpenAI sends it) first, then {@code Retry-After} in
     * seconds; a wait that is not positive, or an HTTP date, leaves it to the backoff (as OpenAI's SDKs do).
     */
    static Optional<Duration> retryAfter(JsonPost.Answered response) {
        Optional<Duration> millis = response.header("retry-after-ms").flatMap(value -> millis(value, 1));
        if (millis.isPresent()) {
            return millis;
        }
        return response.header("retry-after").flatMap(value -> millis(value, 1000));
    }

    private static Optional<Duration> millis(String value, double millisPerUnit) {
        try {
            double millis = Double.parseDouble(value.strip()) * millisPerUnit;
            return millis > 0 && !Double.isNaN(millis) ? Optional.of(Duration.ofMillis((long) Math.ceil(millis))) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static String errorCode(String body) {
        try {
            JsonNode error = Json.MAPPER.readTree(body).path("error");
            String code = error.path("code").asText("");
            String type = error.path("type").asText("");
            String found = !code.isEmpty() ? code : type;
            return found.matches("[A-Za-z0-9_.-]{1,64}") ? found : "";
        } catch (JsonProcessingException | RuntimeException notJson) {
            return "";
        }
    }

    private static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tool's schema is not JSON", e);
        }
    }
}
