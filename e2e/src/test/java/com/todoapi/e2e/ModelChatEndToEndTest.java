package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.local.LocalConfig;
import com.todoapi.testing.FakeChatCompletions;
import com.todoapi.testing.FakeChatCompletions.Step;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat suite again, with {@code AGENT=openai}: the chat worker's model loop and its
 * OpenAI-compatible client, through the local runtime, against a Chat Completions server on the
 * loopback whose answers a {@link RulesModel} decides (the built-in rules, one tool call a round).
 */
@Tag(E2e.OWN_RUNTIME)
@LocalRuntimeExtension.Setup(ModelChatEndToEndTest.OpenAiCompatibleAgent.class)
class ModelChatEndToEndTest extends ChatEndToEndTest {
    static final String MODEL = "rules-model";

    /** The runtime's parameters name the fake server; its key reaches the worker as local mode passes keys. */
    public static final class OpenAiCompatibleAgent implements LocalRuntimeExtension.RuntimeSetup {
        static volatile FakeChatCompletions running;

        @Override
        public LocalRuntimeExtension.Prepared prepare(LocalConfig base) {
            LocalRuntimeExtension.Prepared prepared = withServer(base);
            running = (FakeChatCompletions) prepared.beside();
            return prepared;
        }

        /** The class's shared runtime is {@link #prepare}d once; a test's own runtime gets a server of its own. */
        static LocalRuntimeExtension.Prepared withServer(LocalConfig base) {
            RulesModel rules = new RulesModel();
            FakeChatCompletions server = FakeChatCompletions.start().brain(request -> step(rules.answer(request)));
            Map<String, String> parameters = new HashMap<>(base.parameters());
            parameters.put("AgentProvider", "openai");
            parameters.put("ModelId", MODEL);
            parameters.put("ModelBaseUrl", server.baseUrl());
            Map<String, String> environment = new HashMap<>(base.environment());
            environment.put("MODEL_API_KEY", "sk-local-test-key");
            return new LocalRuntimeExtension.Prepared(new LocalConfig(parameters, environment, base.onStart()), server);
        }

        private static Step step(RulesModel.Decision decision) {
            if (!decision.callsTools()) {
                return Step.text(decision.text());
            }
            return Step.toolCalls(decision.calls().stream()
                    .map(call -> Step.call(call.id(), call.name(), call.argumentsJson()))
                    .toArray(FakeChatCompletions.Call[]::new));
        }
    }

    @Override
    LocalRuntimeExtension.Prepared ownRuntimeSetup() {
        return OpenAiCompatibleAgent.withServer(LocalConfig.read(com.todoapi.testing.RepoFiles.localConfig()));
    }

    /** Not the built-in agent answering: the model server was asked, with the key, and the reply says what it used. */
    @Test
    void theRepliesComeFromTheModelAndSayWhatTheyUsed(ServiceClient client) throws Exception {
        Chat chat = new Chat(client, Tokens.bearer(Tokens.newUser()));
        long conversation = chat.start();
        int asked = OpenAiCompatibleAgent.running.requestCount();

        JsonNode answered = chat.say(conversation, "Add a task to buy groceries");
        assertThat(answered.at("/reply/tool_calls/0/tool").asText()).isEqualTo("add_task");
        assertThat(answered.at("/reply/usage/model").asText()).isEqualTo(MODEL);
        assertThat(answered.at("/reply/usage/model_calls").asInt()).as("a tool round, then the answer").isEqualTo(2);
        assertThat(answered.at("/reply/usage/input_tokens").asLong()).isPositive();
        assertThat(OpenAiCompatibleAgent.running.requestCount() - asked).isEqualTo(2);
        assertThat(OpenAiCompatibleAgent.running.lastRequest().header("Authorization"))
                .hasValue("Bearer sk-local-test-key");
        assertThat(chat.messages(conversation).at("/items/1/usage/output_tokens").isIntegralNumber()).isTrue();
        assertThat(chat.messages(conversation).at("/items/0/usage").isMissingNode()).as("none on the person's message")
                .isTrue();
    }
}
