package com.todoapi.local;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run command's choice of assistant, laid over the local configuration: the template's
 * parameters ({@code AgentProvider}, {@code ModelId}, {@code ModelBaseUrl}, {@code ModelKeyHeader},
 * {@code DailyTokenBudget}, and for slow local models {@code ModelCallTimeoutSeconds},
 * {@code ModelMaxOutputTokens}, {@code ModelMaxTokensField}) and, when the shell has one, the key as {@code MODEL_API_KEY} in the
 * functions' environment (a plain secret, which only local mode accepts). The key is taken from
 * the environment, never from the command line, where it would sit in the shell's history.
 */
record AgentOptions(Optional<String> agent, Optional<String> model, Optional<String> baseUrl,
                    Optional<String> keyHeader, Optional<Integer> dailyTokenBudget, Optional<String> apiKey,
                    Map<String, String> modelLimits) {
    private static final List<String> AGENTS = List.of("builtin", "openai", "bedrock");
    private static final List<String> MAX_TOKENS_FIELDS = List.of("max_tokens", "max_completion_tokens");

    AgentOptions {
        modelLimits = Map.copyOf(modelLimits);
    }

    AgentOptions(Optional<String> agent, Optional<String> model, Optional<String> baseUrl, Optional<String> keyHeader,
                 Optional<Integer> dailyTokenBudget, Optional<String> apiKey) {
        this(agent, model, baseUrl, keyHeader, dailyTokenBudget, apiKey, Map.of());
    }

    static AgentOptions fromEnvironment(Map<String, String> environment) {
        return new AgentOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.ofNullable(environment.get("MODEL_API_KEY")).filter(k -> !k.isBlank()));
    }

    AgentOptions withAgent(String name) {
        if (!AGENTS.contains(name)) {
            throw new IllegalArgumentException("--agent is one of " + String.join(", ", AGENTS) + ", not " + name);
        }
        return new AgentOptions(Optional.of(name), model, baseUrl, keyHeader, dailyTokenBudget, apiKey, modelLimits);
    }

    AgentOptions withModel(String id) {
        return new AgentOptions(agent, Optional.of(id), baseUrl, keyHeader, dailyTokenBudget, apiKey, modelLimits);
    }

    AgentOptions withBaseUrl(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("--model-base-url must be an http or https URL, not " + url);
        }
        return new AgentOptions(agent, model, Optional.of(url), keyHeader, dailyTokenBudget, apiKey, modelLimits);
    }

    AgentOptions withKeyHeader(String header) {
        return new AgentOptions(agent, model, baseUrl, Optional.of(header), dailyTokenBudget, apiKey, modelLimits);
    }

    AgentOptions withDailyTokenBudget(int tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("--daily-token-budget is 0 (no limit) or more");
        }
        return new AgentOptions(agent, model, baseUrl, keyHeader, Optional.of(tokens), apiKey, modelLimits);
    }

    /** Seconds one model call may take: a model on a laptop may need more than the default 20. */
    AgentOptions withCallTimeout(int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("--model-call-timeout is 1 second or more");
        }
        return withLimit("ModelCallTimeoutSeconds", Integer.toString(seconds));
    }

    /** The most tokens one answer may have: fewer keep a slow model's answers short. */
    AgentOptions withMaxOutputTokens(int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("--model-max-output-tokens is 1 or more");
        }
        return withLimit("ModelMaxOutputTokens", Integer.toString(tokens));
    }

    AgentOptions withMaxTokensField(String field) {
        if (!MAX_TOKENS_FIELDS.contains(field)) {
            throw new IllegalArgumentException("--model-max-tokens-field is one of " + String.join(", ", MAX_TOKENS_FIELDS)
                    + ", not " + field);
        }
        return withLimit("ModelMaxTokensField", field);
    }

    private AgentOptions withLimit(String parameter, String value) {
        Map<String, String> limits = new HashMap<>(modelLimits);
        limits.put(parameter, value);
        return new AgentOptions(agent, model, baseUrl, keyHeader, dailyTokenBudget, apiKey, limits);
    }

    /** Refuses a model agent without what it needs, before anything starts. */
    AgentOptions checked() {
        String name = agent.orElse("builtin");
        if (!name.equals("builtin") && model.isEmpty()) {
            throw new IllegalArgumentException("--agent " + name + " needs --model");
        }
        if (name.equals("openai") && baseUrl.isEmpty()) {
            throw new IllegalArgumentException("--agent openai needs --model-base-url (http://127.0.0.1:11434/v1 for Ollama)");
        }
        return this;
    }

    LocalConfig appliedTo(LocalConfig config) {
        if (agent.isEmpty()) {
            return config;
        }
        Map<String, String> parameters = new HashMap<>(config.parameters());
        parameters.put("AgentProvider", agent.get());
        model.ifPresent(id -> parameters.put("ModelId", id));
        baseUrl.ifPresent(url -> parameters.put("ModelBaseUrl", url));
        keyHeader.ifPresent(header -> parameters.put("ModelKeyHeader", header));
        dailyTokenBudget.ifPresent(tokens -> parameters.put("DailyTokenBudget", Integer.toString(tokens)));
        parameters.putAll(modelLimits);
        Map<String, String> environment = new HashMap<>(config.environment());
        apiKey.ifPresent(key -> environment.put("MODEL_API_KEY", key));
        return new LocalConfig(parameters, environment, config.onStart());
    }

    @Override
    public String toString() { // the key is never printed
        return "AgentOptions[agent=" + agent + ", model=" + model + ", baseUrl=" + baseUrl + ", limits=" + modelLimits + ", key="
                + (apiKey.isPresent() ? "set" : "none") + "]";
    }
}
