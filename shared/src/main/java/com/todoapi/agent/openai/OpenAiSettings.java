package com.todoapi.agent.openai;

import java.net.URI;
import java.util.Optional;

/**
 * Where an OpenAI-compatible API is and how to call it: the base URL (up to {@code /v1}), the
 * model, the key if the server wants one, and the header that carries it ({@code Authorization:
 * Bearer <key>} by default; Azure OpenAI takes {@code api-key: <key>}), and the field that carries
 * the output cap ({@link #defaultMaxTokensField(URI)} unless configured).
 */
public record OpenAiSettings(URI baseUrl, String model, Optional<String> apiKey, String keyHeader, String keyPrefix,
                             String maxTokensField) {

    public OpenAiSettings {
        // A key read from a secret or a file often ends in a newline, and an empty one means none: no header at all.
        apiKey = apiKey == null ? Optional.empty() : apiKey.map(String::strip).filter(key -> !key.isEmpty());
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("The model's base URL must be http or https");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("An OpenAI-compatible agent needs a model id");
        }
        if (!maxTokensField.equals("max_completion_tokens") && !maxTokensField.equals("max_tokens")) {
            throw new IllegalArgumentException("The max tokens field is max_completion_tokens or max_tokens");
        }
    }

    public static OpenAiSettings bearer(URI baseUrl, String model, Optional<String> apiKey) {
        return new OpenAiSettings(baseUrl, model, apiKey, "Authorization", "Bearer ", defaultMaxTokensField(baseUrl));
    }

    /**
     * The output cap's field for a server, when none is configured. OpenAI's API reference marks
     * {@code max_tokens} deprecated and not compatible with its reasoning models (o-series, GPT-5
     * answer 400 to it, and to a request with both fields), so OpenAI's and Azure OpenAI's hosts get
     * {@code max_completion_tokens}. The servers people run on a laptop read only
     * {@code max_tokens} (llama.cpp's server and llama-cpp-python, Ollama's and LM Studio's
     * OpenAI-compatible layers ignore {@code max_completion_tokens} and generate until the context
     * is full), and the hosted compatible APIs (OpenRouter, Groq, Gemini's, vLLM) accept it, so
     * every other host gets {@code max_tokens}. One field, never both.
     */
    public static String defaultMaxTokensField(URI baseUrl) {
        String host = baseUrl.getHost() == null ? "" : baseUrl.getHost().toLowerCase(java.util.Locale.ROOT);
        boolean openAi = host.equals("api.openai.com") || host.endsWith(".openai.azure.com")
                || host.endsWith(".cognitiveservices.azure.com");
        return openAi ? "max_completion_tokens" : "max_tokens";
    }

    URI completionsUri() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    }

    @Override
    public String toString() { // the key is never printed
        return "OpenAiSettings[baseUrl=" + baseUrl + ", model=" + model + ", key=" + (apiKey.isPresent() ? "set" : "none") + "]";
    }
}
