package com.todoapi.local;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ./dev run --agent ...}: what reaches the template's parameters and the functions' environment. */
class AgentOptionsTest {
    private static final LocalConfig BASE = new LocalConfig(Map.of("JwtAudience", "todo-api"),
            Map.of("TODO_LOCAL_MODE", "true"));

    @Test
    void anOllamaRunSetsTheAssistantsParametersAndKeepsTheRest() {
        LocalConfig config = AgentOptions.fromEnvironment(Map.of())
                .withAgent("openai").withBaseUrl("http://127.0.0.1:11434/v1").withModel("llama3.2")
                .withDailyTokenBudget(5_000).checked().appliedTo(BASE);

        assertThat(config.parameters()).containsEntry("AgentProvider", "openai")
                .containsEntry("ModelBaseUrl", "http://127.0.0.1:11434/v1").containsEntry("ModelId", "llama3.2")
                .containsEntry("DailyTokenBudget", "5000").containsEntry("JwtAudience", "todo-api");
        assertThat(config.environment()).containsEntry("TODO_LOCAL_MODE", "true").doesNotContainKey("MODEL_API_KEY");
    }

    @Test
    void theKeyComesFromTheShellAndIsNeverPrinted() {
        AgentOptions options = AgentOptions.fromEnvironment(Map.of("MODEL_API_KEY", "sk-secret-123"))
                .withAgent("openai").withBaseUrl("https://api.openai.com/v1").withModel("gpt-4.1-mini");

        assertThat(options.appliedTo(BASE).environment()).containsEntry("MODEL_API_KEY", "sk-secret-123");
        assertThat(options.toString()).doesNotContain("sk-secret-123").contains("key=set");
    }

    @Test
    void withoutAnAgentTheConfigurationIsAsRead() {
        assertThat(AgentOptions.fromEnvironment(Map.of("MODEL_API_KEY", "sk-x")).appliedTo(BASE)).isEqualTo(BASE);
    }

    @Test
    void whatAModelAgentNeedsIsAskedForBeforeAnythingStarts() {
        assertThatThrownBy(() -> parse("--agent", "openai", "--model", "llama3.2").agent())
                .hasMessageContaining("--model-base-url");
        assertThatThrownBy(() -> parse("--agent", "bedrock")).hasMessageContaining("--model");
        assertThatThrownBy(() -> parse("--agent", "gpt")).hasMessageContaining("builtin, openai, bedrock");
        assertThatThrownBy(() -> parse("--agent", "openai", "--model-base-url", "127.0.0.1:11434"))
                .hasMessageContaining("http");
        assertThat(parse("--agent", "openai", "--model", "m", "--model-base-url", "http://127.0.0.1:1/v1")
                .agent().agent()).hasValue("openai");
    }

    /** A slow model on a laptop: a longer call, a smaller cap, in the field its server honours. */
    @Test
    void aSlowLocalModelGetsItsTimeoutAndCapFromTheCommandLine() {
        LocalConfig config = parse("--agent", "openai", "--model", "gemma3", "--model-base-url", "http://127.0.0.1:8080/v1",
                "--model-call-timeout", "50", "--model-max-output-tokens", "256", "--model-max-tokens-field", "max_tokens")
                .agent().appliedTo(BASE);

        assertThat(config.parameters()).containsEntry("ModelCallTimeoutSeconds", "50")
                .containsEntry("ModelMaxOutputTokens", "256").containsEntry("ModelMaxTokensField", "max_tokens");
        assertThatThrownBy(() -> parse("--model-call-timeout", "0")).hasMessageContaining("1 second");
        assertThatThrownBy(() -> parse("--model-max-output-tokens", "0")).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> parse("--model-max-tokens-field", "max_output_tokens"))
                .hasMessageContaining("max_tokens, max_completion_tokens");
    }

    private static Main.CommandLine parse(String... args) {
        return Main.CommandLine.parse(new ArrayDeque<>(List.of(args)));
    }
}
