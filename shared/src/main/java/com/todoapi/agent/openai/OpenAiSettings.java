package com.todoapi.agent.openai;

import java.net.URI;
import java.util.Optional;

/**
 * Where an OpenAI-compatible API is and how to call it: the base URL (up to {@code /v1}), the
 * model, the key if the server wants one, and the header that carries it ({@code Authorization:
 * Bearer <key>} by default; Azure OpenAI takes {@code api-key: <key>}). {@code maxTokensField} is
 * {@code max_completion_tokens}, OpenAI's current name; a server that knows only the older
 * {@code max_tokens} is configured so.
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
        return new OpenAiSettings(baseUrl, model, apiKey, "Authorization", "Bearer ", "max_completion_tokens");
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
