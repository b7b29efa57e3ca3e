package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.todoapi.agent.AgentReply;
import com.todoapi.agent.AgentTurn;
import com.todoapi.agent.ChatMessage;
import com.todoapi.agent.builtin.BuiltInAgent;
import com.todoapi.agent.model.ModelAgent;
import com.todoapi.agent.model.ModelSettings;
import com.todoapi.agent.model.TokenBudget;
import com.todoapi.agent.openai.OpenAiChatClient;
import com.todoapi.agent.openai.OpenAiSettings;
import com.todoapi.e2e.RulesModel.Call;
import com.todoapi.e2e.RulesModel.Decision;
import com.todoapi.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules model answering the requests the real model agent and its OpenAI-compatible client
 * send, over HTTP on the loopback: the built-in agent's tool calls, made one round at a time.
 * Starts no runtime, so the fresh-process run has nothing to add.
 */
@Tag(E2e.PER_REQUEST)
class RulesModelTest {
    private static LoopbackModel model;

    @BeforeAll
    static void start() throws IOException {
        model = new LoopbackModel(new RulesModel());
    }

    @AfterAll
    static void stop() {
        model.close();
    }

    @AfterEach
    void theBrainUnderstoodEveryRequest() {
        List<RuntimeException> failures = model.takeFailures();
        model.takeDecisions();
        if (!failures.isEmpty()) {
            throw new AssertionError("The rules model could not answer a request", failures.getFirst());
        }
    }

    @Test
    void addsATaskThenConfirmsItByName() {
        TaskListTools tools = new TaskListTools();

        AgentReply reply = agent().respond(new AgentTurn("", List.of(), "Add a task to buy groceries"), tools);

        List<Decision> decisions = model.takeDecisions();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0)).isEqualTo(call("call_1_0", "add_task", "{\"title\":\"Buy groceries\"}"));
        assertThat(decisions.get(1).callsTools()).isFalse();
        assertThat(decisions.get(1).text()).contains("Buy groceries");
        assertThat(reply.content()).isEqualTo(decisions.get(1).text());
        assertThat(tools.calls()).containsExactly(new TaskListTools.Call("add_task", "{\"title\":\"Buy groceries\"}"));
        assertThat(reply.summary()).isEqualTo("added task 1 \"Buy groceries\"");
    }

    @Test
    void deletesATaskNamedByWordsAfterListingToFindIt() {
        TaskListTools tools = new TaskListTools().with("Call mum").with("Pay rent").with("Buy milk").with("Team meeting");

        AgentReply reply = agent().respond(new AgentTurn("", List.of(), "Delete the meeting task"), tools);

        assertThat(model.takeDecisions()).containsExactly(
                call("call_1_0", "list_tasks", "{\"status\":\"all\"}"),
                call("call_1_1", "delete_task", "{\"task_id\":4}"),
                Decision.text(reply.content()));
        assertThat(reply.content()).contains("Team meeting");
        assertThat(tools.calls()).extracting(TaskListTools.Call::tool).containsExactly("list_tasks", "delete_task");
    }

    @Test
    void listsAllTasksWhenAskedForAll() {
        TaskListTools tools = new TaskListTools().with("Call mum").with("Pay rent");

        AgentReply reply = agent().respond(new AgentTurn("", List.of(), "Show me all my tasks"), tools);

        assertThat(model.takeDecisions()).first().isEqualTo(call("call_1_0", "list_tasks", "{\"status\":\"all\"}"));
        assertThat(reply.content()).contains("Call mum", "Pay rent");
    }

    @Test
    void explainsAToolError() {
        TaskListTools tools = new TaskListTools().with("Call mum");

        AgentReply reply = agent().respond(new AgentTurn("", List.of(), "Mark task 9 as complete"), tools);

        assertThat(model.takeDecisions()).first().isEqualTo(call("call_1_0", "complete_task", "{\"task_id\":9}"));
        assertThat(reply.toolCalls().orElseThrow()).singleElement().satisfies(made -> assertThat(made.failed()).isTrue());
        assertThat(reply.content()).contains("task 9");
    }

    /** Each turn as the worker runs it: the earlier replies, with their tool calls, and the summary the last one wrote. */
    @Test
    void remembersWhatWasJustAddedFromTheHistory() {
        TaskListTools tools = new TaskListTools();
        Conversation conversation = new Conversation();
        conversation.turn("Add a task to buy groceries", tools);
        model.takeDecisions();

        AgentReply recalled = conversation.turn("What did I just add?", tools);

        assertThat(model.takeDecisions()).singleElement().isEqualTo(Decision.text(recalled.content()));
        assertThat(recalled.content()).contains("Buy groceries");
        assertThat(tools.calls()).hasSize(1);

        conversation.turn("Mark task 1 as complete", tools);
        assertThat(model.takeDecisions()).first().isEqualTo(call("call_3_0", "complete_task", "{\"task_id\":1}"));
    }

    /** The messages have left the window: the system prompt's summary is all there is. */
    @Test
    void remembersWhatWasJustAddedFromTheSummary() {
        AgentReply reply = agent().respond(new AgentTurn("added task 7 \"Renew my passport\"", List.of(),
                "What did I just add?"), new TaskListTools());

        assertThat(model.takeDecisions()).singleElement().satisfies(decision -> assertThat(decision.callsTools()).isFalse());
        assertThat(reply.content()).contains("Renew my passport");
    }

    /** A list too long for the prompt reaches the model as its first items and a note; the rules act on those items. */
    @Test
    void readsAListCutShortForThePrompt() throws Exception {
        JsonNode request = Json.MAPPER.readTree("""
                {"model": "rules", "messages": [
                  {"role": "system", "content": "You are the assistant of a todo list app."},
                  {"role": "user", "content": "Delete the meeting task"},
                  {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1_0", "type": "function",
                    "function": {"name": "list_tasks", "arguments": "{\\"status\\":\\"all\\"}"}}]},
                  {"role": "tool", "tool_call_id": "call_1_0", "content":
                    "{\\"items\\":[{\\"id\\":4,\\"title\\":\\"Team meeting\\",\\"completed\\":false}],\\"note\\":\\"showing the first 1 of 60 items\\"}"}
                ], "tool_choice": "auto"}
                """);

        assertThat(new RulesModel().answer(request)).isEqualTo(call("call_1_1", "delete_task", "{\"task_id\":4}"));
    }

    /** Through the model loop the rules do what they do on their own: the same calls, words and summary. */
    @ParameterizedTest
    @ValueSource(strings = {"Add a task to buy groceries", "Show me all my tasks", "What's pending?", "Mark task 3 as complete",
            "Delete the meeting task", "Change task 1 to 'Call mom tonight'", "add call bank with description ask about fees",
            "add milk, eggs and bread", "complete 1, 2 and 4", "delete the last task", "finished paying rent",
            "mark all as done", "how many are left?", "is the dentist on my list?", "Mark task 9 as complete",
            "borra la tarea dos", "thank you so much, that's all"})
    void actsAsTheBuiltInAgentDoesOnItsOwn(String message) {
        TaskListTools alone = sevenTasks();
        TaskListTools looped = sevenTasks();

        AgentReply expected = new BuiltInAgent().respond(new AgentTurn("", List.of(), message), alone);
        AgentReply reply = agent().respond(new AgentTurn("", List.of(), message), looped);

        assertThat(looped.calls()).isEqualTo(alone.calls());
        assertThat(reply.content()).isEqualTo(expected.content());
        assertThat(reply.summary()).isEqualTo(expected.summary());
    }

    @Test
    void rendersToolCallsAsTheDocumentedChatCompletion() {
        JsonNode completion = RulesModel.toChatCompletion(call("call_1_0", "add_task", "{\"title\":\"Buy groceries\"}"), "rules");

        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.path("model").asText()).isEqualTo("rules");
        assertThat(completion.path("created").isIntegralNumber()).isTrue();
        JsonNode choice = completion.path("choices").path(0);
        assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").isNull()).isTrue();
        JsonNode toolCall = choice.path("message").path("tool_calls").path(0);
        assertThat(toolCall.path("id").asText()).isEqualTo("call_1_0");
        assertThat(toolCall.path("type").asText()).isEqualTo("function");
        assertThat(toolCall.path("function").path("name").asText()).isEqualTo("add_task");
        assertThat(toolCall.path("function").path("arguments").isTextual()).isTrue();
        assertThat(completion.path("usage").path("total_tokens").asLong()).isPositive();
    }

    @Test
    void rendersTextAsTheDocumentedChatCompletion() {
        JsonNode choice = RulesModel.toChatCompletion(Decision.text("Added \"Buy groceries\" as task 1."), "rules")
                .path("choices").path(0);

        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        assertThat(choice.path("message").path("content").asText()).isEqualTo("Added \"Buy groceries\" as task 1.");
        assertThat(choice.path("message").has("tool_calls")).isFalse();
    }

    /** Tasks 1 to 7, the last one done. */
    private static TaskListTools sevenTasks() {
        return new TaskListTools().with("Call mum").with("Old task").with("Call mom").with("Pay rent").with("Team meeting")
                .with("Buy groceries").withCompleted("Read a book");
    }

    private static Decision call(String id, String tool, String argumentsJson) {
        return Decision.toolCalls(List.of(new Call(id, tool, argumentsJson)));
    }

    private static ModelAgent agent() {
        return new ModelAgent(new OpenAiChatClient(OpenAiSettings.bearer(model.baseUrl(), "rules", Optional.empty())),
                new ModelSettings(512, 0, Duration.ofSeconds(10), ModelSettings.DEFAULT_MAX_ROUNDS),
                TokenBudget.unlimited(), Clock.systemUTC());
    }

    /** The window and the summary carried from turn to turn, as the chat worker stores them. */
    private static final class Conversation {
        private final List<ChatMessage> history = new ArrayList<>();
        private String summary = "";

        AgentReply turn(String message, TaskListTools tools) {
            AgentReply reply = agent().respond(new AgentTurn(summary, history, message), tools);
            history.add(new ChatMessage(ChatMessage.Role.USER, message, List.of()));
            history.add(new ChatMessage(ChatMessage.Role.ASSISTANT, reply.content(), reply.toolCalls().orElseThrow()));
            summary = reply.summary();
            return reply;
        }
    }

    /** The brain behind a Chat Completions endpoint on the loopback; it keeps what it decided, and what it could not read. */
    private static final class LoopbackModel implements AutoCloseable {
        private final HttpServer server;
        private final List<Decision> decisions = new CopyOnWriteArrayList<>();
        private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();

        LoopbackModel(RulesModel brain) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/chat/completions", exchange -> {
                int status = 200;
                String body;
                try {
                    JsonNode request = Json.MAPPER.readTree(exchange.getRequestBody());
                    Decision decision = brain.answer(request);
                    decisions.add(decision);
                    body = RulesModel.toChatCompletion(decision, request.path("model").asText()).toString();
                } catch (RuntimeException failure) {
                    failures.add(failure);
                    status = 400; // not retried: the test fails at once, with the failure above
                    body = "{\"error\":{\"message\":\"the rules model could not read the request\"}}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
        }

        URI baseUrl() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        }

        List<Decision> takeDecisions() {
            List<Decision> taken = List.copyOf(decisions);
            decisions.clear();
            return taken;
        }

        List<RuntimeException> takeFailures() {
            List<RuntimeException> taken = List.copyOf(failures);
            failures.clear();
            return taken;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
