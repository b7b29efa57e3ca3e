package com.todoapi.wiring;

import com.todoapi.agent.Agent;
import com.todoapi.agent.builtin.BuiltInAgent;
import com.todoapi.agent.model.ModelAgent;
import com.todoapi.agent.model.ModelClient;
import com.todoapi.agent.model.ModelSettings;
import com.todoapi.agent.model.TokenBudget;
import com.todoapi.agent.openai.OpenAiChatClient;
import com.todoapi.agent.openai.OpenAiSettings;
import com.todoapi.aws.AwsClients;
import com.todoapi.aws.Secrets;
import com.todoapi.aws.bedrock.BedrockConverseClient;
import com.todoapi.aws.dynamodb.DynamoTokenBudget;
import com.todoapi.aws.dynamodb.Tables;
import com.todoapi.config.Env;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The assistant the environment asks for (docs/configuration.md, "The assistant"):
 * {@code AGENT=builtin} (the default: rules, no network), {@code openai} (any OpenAI-compatible
 * Chat Completions server at {@code MODEL_BASE_URL}) or {@code bedrock} (Amazon Bedrock's
 * Converse API with the function's IAM role). A model's key is a secret: {@code MODEL_API_KEY_ARN}
 * in AWS, {@code MODEL_API_KEY} in local mode only.
 */
final class Agents {
    private static final int DEFAULT_MAX_OUTPUT_TOKENS = 1_024;
    private static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(20);

    private Agents() {
    }

    static Agent fromEnvironment(Env env, Tables tables, Clock clock) {
        String name = env.optional("AGENT").orElse("builtin");
        return switch (name) {
            case "builtin" -> new BuiltInAgent(clock);
            case "openai" -> modelAgent(openAi(env), env, tables, clock);
            case "bedrock" -> modelAgent(new BedrockConverseClient(AwsClients.bedrockRuntime(), env.require("MODEL_ID")),
                    env, tables, clock);
            default -> throw new IllegalStateException("AGENT=" + name + " is not an agent this build has "
                    + "(builtin, openai, bedrock)");
        };
    }

    private static Agent modelAgent(ModelClient client, Env env, Tables tables, Clock clock) {
        ModelSettings settings = new ModelSettings(
                number(env, "MODEL_MAX_OUTPUT_TOKENS", DEFAULT_MAX_OUTPUT_TOKENS),
                env.optional("MODEL_TEMPERATURE").map(t -> OptionalDouble.of(Double.parseDouble(t)))
                        .orElse(OptionalDouble.empty()),
                Duration.ofSeconds(number(env, "MODEL_CALL_TIMEOUT_SECONDS", (int) DEFAULT_CALL_TIMEOUT.toSeconds())),
                ModelSettings.DEFAULT_MAX_ROUNDS);
        long perDay = env.optional("DAILY_TOKEN_BUDGET").filter(b -> !b.isBlank()).map(Long::parseLong).orElse(0L);
        TokenBudget budget = perDay > 0 ? new DynamoTokenBudget(tables, perDay) : TokenBudget.unlimited();
        return new ModelAgent(client, settings, budget, clock);
    }

    private static ModelClient openAi(Env env) {
        URI base = URI.create(env.require("MODEL_BASE_URL"));
        String model = env.require("MODEL_ID");
        Optional<String> key = Secrets.read(env, "MODEL_API_KEY").filter(k -> !k.isBlank());
        String header = env.optional("MODEL_KEY_HEADER").filter(h -> !h.isBlank()).orElse("Authorization");
        String prefix = header.equalsIgnoreCase("Authorization") ? "Bearer " : "";
        String maxTokensField = env.optional("MODEL_MAX_TOKENS_FIELD").filter(f -> !f.isBlank())
                .orElse("max_completion_tokens");
        return new OpenAiChatClient(new OpenAiSettings(base, model, key, header, prefix, maxTokensField));
    }

    private static int number(Env env, String name, int otherwise) {
        return env.optional(name).filter(v -> !v.isBlank()).map(Integer::parseInt).orElse(otherwise);
    }
}
