package com.todoapi.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.model.ModelCallException;
import com.todoapi.agent.model.ModelMessage;
import com.todoapi.agent.model.ModelRequest;
import com.todoapi.agent.model.ModelTool;
import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.ToolResult;
import com.todoapi.json.Json;
import com.todoapi.testing.FakeChatCompletions;
import com.todoapi.testing.FakeChatCompletions.RecordedRequest;
import com.todoapi.testing.FakeChatCompletions.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client against a fake that speaks OpenAI's Chat Completions wire protocol. */
class OpenAiChatClientTest {
    private static final String KEY = "sk-test-4f1c9e0a7b2d";
    private static final String SYSTEM = "You keep a todo list. SYSTEM-MARKER";
    private static final String PERSON = "Please add pick up the kids PERSON-MARKER";
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"}},"
            + "\"required\":[\"title\"],\"additionalProperties\":false}";

    private FakeChatCompletions fake;

    @BeforeEach
    void startFake() {
        fake = FakeChatCompletions.start();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void theRequestHasTheDocumentedShape() throws Exception {
        fake.enqueue(Step.text("ok"));

        client(OpenAiSettings.bearer(URI.create(fake.baseUrl()), "gpt-test", Optional.of(KEY))).complete(new ModelRequest(
                SYSTEM,
                List.of(new ModelMessage.User("Add milk"),
                        new ModelMessage.Assistant("", List.of(new RequestedCall("call_1", "add_task", "{\"title\":\"Milk\"}"))),
                        new ModelMessage.ToolResults(List.of(new ToolResult("call_1", "{\"task_id\":1}", false))),
                        new ModelMessage.Assistant("Added task 1 \"Milk\".", List.of()),
                        new ModelMessage.User(PERSON)),
                List.of(new ModelTool("add_task", "Adds a task.", SCHEMA)), 300, 0.2, Duration.ofSeconds(5)));

        RecordedRequest request = fake.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(request.header("Accept")).contains("text/event-stream");
        assertThat(request.body()).isEqualTo(Json.MAPPER.readTree("""
                {"model":"gpt-test",
                 "stream":true,
                 "stream_options":{"include_usage":true},
                 "messages":[
                   {"role":"system","content":"You keep a todo list. SYSTEM-MARKER"},
                   {"role":"user","content":"Add milk"},
                   {"role":"assistant","content":null,"tool_calls":[
                     {"id":"call_1","type":"function","function":{"name":"add_task","arguments":"{\\"title\\":\\"Milk\\"}"}}]},
                   {"role":"tool","tool_call_id":"call_1","content":"{\\"task_id\\":1}"},
                   {"role":"assistant","content":"Added task 1 \\"Milk\\"."},
                   {"role":"user","content":"Please add pick up the kids PERSON-MARKER"}],
                 "tools":[{"type":"function","function":{"name":"add_task","description":"Adds a task.",
                   "parameters":{"type":"object","properties":{"title":{"type":"string"}},"required":["title"],
                   "additionalProperties":false}}}],
                 "tool_choice":"auto",
                 "max_tokens":300,
                 "temperature":0.2}"""));
        assertThat(request.messages().get(2).path("tool_calls").get(0).path("function").path("arguments").isTextual())
                .as("arguments go as a JSON string, not an object").isTrue();
    }

    @Test
    void anAssistantMessageWithTextAndCallsKeepsBoth() {
        fake.enqueue(Step.text("ok"));

        bearer().complete(request(List.of(new ModelMessage.User("hi"),
                new ModelMessage.Assistant("Let me look.", List.of(new RequestedCall("c1", "list_tasks", "{}"))),
                new ModelMessage.ToolResults(List.of(new ToolResult("c1", "[]", false))))));

        JsonNode assistant = fake.lastRequest().messages().get(2);
        assertThat(assistant.path("content").asText()).isEqualTo("Let me look.");
        assertThat(assistant.path("tool_calls")).hasSize(1);
    }

    /** Reasoning models refuse any temperature but their own: none configured, none sent. */
    @Test
    void noTemperatureConfiguredSendsNone() {
        fake.enqueue(Step.text("ok"));

        bearer().complete(new ModelRequest(SYSTEM, List.of(new ModelMessage.User("hi")), List.of(), 200,
                java.util.OptionalDouble.empty(), Duration.ofSeconds(5)));

        assertThat(fake.lastRequest().body().has("temperature")).isFalse();
    }

    @Test
    void theOlderMaxTokensFieldIsSentWhenConfigured() {
        fake.enqueue(Step.text("ok"));

        client(new OpenAiSettings(URI.create(fake.baseUrl()), "llama", Optional.empty(), "Authorization", "Bearer ",
                "max_tokens")).complete(request(List.of(new ModelMessage.User("hi"))));

        JsonNode body = fake.lastRequest().body();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(200);
        assertThat(body.has("max_completion_tokens")).isFalse();
    }

    @Test
    void theKeyGoesAsABearerTokenByDefault() {
        fake.enqueue(Step.text("ok"));

        bearer().complete(request(List.of(new ModelMessage.User("hi"))));

        assertThat(fake.lastRequest().header("Authorization")).contains("Bearer " + KEY);
        assertThat(fake.lastRequest().header("api-key")).isEmpty();
    }

    @Test
    void azureStyleServersGetTheKeyInAnApiKeyHeader() {
        fake.enqueue(Step.text("ok"));

        client(new OpenAiSettings(URI.create(fake.baseUrl()), "gpt-test", Optional.of(KEY), "api-key", "",
                "max_completion_tokens")).complete(request(List.of(new ModelMessage.User("hi"))));

        assertThat(fake.lastRequest().header("api-key")).contains(KEY);
        assertThat(fake.lastRequest().header("Authorization")).isEmpty();
    }

    @Test
    void withNoKeyNoAuthHeaderIsSent() {
        fake.enqueue(Step.text("ok"), Step.text("ok"));

        client(OpenAiSettings.bearer(URI.create(fake.baseUrl()), "local-model", Optional.empty()))
                .complete(request(List.of(new ModelMessage.User("hi"))));
        client(OpenAiSettings.bearer(URI.create(fake.baseUrl()), "local-model", Optional.of(" \n")))
                .complete(request(List.of(new ModelMessage.User("hi"))));

        for (RecordedRequest request : fake.requests()) {
            assertThat(request.header("Authorization")).isEmpty();
            assertThat(request.header("api-key")).isEmpty();
        }
    }

    @Test
    void aKeyWithATrailingNewlineIsSentWithout() {
        fake.enqueue(Step.text("ok"));

        client(OpenAiSettings.bearer(URI.create(fake.baseUrl()), "gpt-test", Optional.of(KEY + "\n")))
                .complete(request(List.of(new ModelMessage.User("hi"))));

        assertThat(fake.lastRequest().header("Authorization")).contains("Bearer " + KEY);
    }

    @Test
    void aKeyThatCannotBeAHeaderIsAPermanentFailureThatDoesNotQuoteIt() {
        ModelCallException failure = catchThrowableOfType(ModelCallException.class, () ->
                client(OpenAiSettings.bearer(URI.create(fake.baseUrl()), "gpt-test", Optional.of("sk-a\u0001" + KEY)))
                        .complete(request(List.of(new ModelMessage.User("hi")))));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("the API key is not a valid HTTP header value").doesNotContain(KEY);
        assertThat(failure.getCause()).isNull();
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void aBaseUrlWithATrailingSlashReachesTheSamePath() {
        fake.enqueue(Step.text("ok"));

        client(OpenAiSettings.bearer(URI.create(fake.baseUrl() + "/"), "gpt-test", Optional.empty()))
                .complete(request(List.of(new ModelMessage.User("hi"))));

        assertThat(fake.lastRequest().path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void aTextAnswerAndItsUsageAreRead() {
        fake.enqueue(Step.text("You have 2 tasks."));

        ModelAnswer answer = bearer().complete(request(List.of(new ModelMessage.User("How many tasks?"))));

        assertThat(answer.text()).isEqualTo("You have 2 tasks.");
        assertThat(answer.calls()).isEmpty();
        assertThat(answer.stopReason()).isEqualTo("stop");
        assertThat(answer.usage().model()).isEqualTo("gpt-test");
        assertThat(answer.usage().inputTokens()).isEqualTo(FakeChatCompletions.promptTokens(fake.lastRequest().body()))
                .isPositive();
        assertThat(answer.usage().outputTokens()).isEqualTo(("You have 2 tasks.".length() + 3) / 4);
    }

    @Test
    void usageIsTakenAsTheServerCountsIt() {
        fake.enqueue(Step.text("hi").withUsage(1234, 56));

        ModelAnswer answer = bearer().complete(request(List.of(new ModelMessage.User("hi"))));

        assertThat(answer.usage().inputTokens()).isEqualTo(1234);
        assertThat(answer.usage().outputTokens()).isEqualTo(56);
        assertThat(answer.usage().totalTokens()).isEqualTo(1290);
    }

    @Test
    void toolCallsAreReadWithTheirArgumentsAsWritten() {
        fake.enqueue(Step.toolCalls(Step.call("call_a", "add_task", "{\"title\":\"Milk\"}"),
                Step.call("call_b", "add_task", "{\"title\": \"Eggs\"")));

        ModelAnswer answer = bearer().complete(request(List.of(new ModelMessage.User("Add milk and eggs"))));

        assertThat(answer.text()).isEmpty();
        assertThat(answer.stopReason()).isEqualTo("tool_calls");
        assertThat(answer.calls()).containsExactly(
                new RequestedCall("call_a", "add_task", "{\"title\":\"Milk\"}"),
                new RequestedCall("call_b", "add_task", "{\"title\": \"Eggs\""));
    }

    @Test
    void aRefusalIsTheAnswersText() {
        fake.enqueue(Step.refusal("I can't help with that."));

        ModelAnswer answer = bearer().complete(request(List.of(new ModelMessage.User("hi"))));

        assertThat(answer.text()).isEqualTo("I can't help with that.");
    }

    @Test
    void a429WithRetryAfterIsRetryableAfterThatWait() {
        fake.enqueue(Step.rateLimited().withHeader("retry-after", "7"));

        ModelCallException failure = failure();

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(failure.getMessage()).isEqualTo("the model answered HTTP 429 (rate_limit_exceeded)");
    }

    @Test
    void retryAfterMsIsPreferredToRetryAfter() {
        fake.enqueue(Step.rateLimited().withHeader("retry-after-ms", "1500").withHeader("retry-after", "2"));

        assertThat(failure().retryAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void aRetryAfterThatIsADateOrNotPositiveLeavesTheWaitToTheBackoff() {
        fake.enqueue(Step.rateLimited().withHeader("retry-after", "Wed, 21 Oct 2026 07:28:00 GMT"),
                Step.rateLimited().withHeader("retry-after-ms", "0"));

        assertThat(failure().retryAfter()).isEmpty();
        assertThat(failure().retryAfter()).isEmpty();
    }

    @Test
    void a429ForASpentQuotaIsPermanent() {
        fake.enqueue(Step.insufficientQuota().withHeader("retry-after", "1"));

        ModelCallException failure = failure();

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.kind()).isEqualTo(ModelCallException.Kind.PERMANENT);
        assertThat(failure.getMessage()).isEqualTo("the model answered HTTP 429 (insufficient_quota)");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 408, 409})
    void serverErrorsTimeoutsAndConflictsAreRetryable(int status) {
        fake.enqueue(Step.serverError(status));

        ModelCallException failure = failure();

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).startsWith("the model answered HTTP " + status);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 422})
    void requestAndKeyErrorsArePermanent(int status) {
        fake.enqueue(Step.error(status, "invalid_request_error", "invalid_api_key", "Incorrect API key provided", null));

        ModelCallException failure = failure();

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("the model answered HTTP " + status + " (invalid_api_key)");
    }

    @Test
    void anErrorWithNoCodeIsNamedByItsType() {
        fake.enqueue(Step.serverError(500));

        assertThat(failure().getMessage()).isEqualTo("the model answered HTTP 500 (server_error)");
    }

    @Test
    void aRejectedConversationShapeIsPermanent() {
        // The fake checks the request as OpenAI does: a tool result that answers no call is a 400.
        ModelCallException failure = catchThrowableOfType(ModelCallException.class, () -> bearer().complete(request(
                List.of(new ModelMessage.User("hi"), new ModelMessage.ToolResults(List.of(new ToolResult("x", "{}", false)))))));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("the model answered HTTP 400 (invalid_request_error)");
    }

    @Test
    void aReadTimeoutIsRetryable() {
        fake.enqueue(Step.stall(Duration.ofSeconds(3), Step.text("too late")));

        long started = System.nanoTime();
        ModelCallException failure = catchThrowableOfType(ModelCallException.class, () -> bearer().complete(
                new ModelRequest(SYSTEM, List.of(new ModelMessage.User(PERSON)), List.of(), 200, 0, Duration.ofMillis(300))));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).isEqualTo("the model did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aServerThatIsNotThereIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ModelCallException failure = catchThrowableOfType(ModelCallException.class, () ->
                client(OpenAiSettings.bearer(URI.create("http://127.0.0.1:" + closedPort + "/v1"), "gpt-test", Optional.of(KEY)))
                        .complete(request(List.of(new ModelMessage.User("hi")))));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).startsWith("the model could not be reached (");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "null", "[]", "\"text\"", "{}", "{\"choices\":[]}", "{\"choices\":null}",
            "{\"choices\":[{\"message\":\"hello\"}]}", "{\"choices\":[{}]}",
            "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"tool_calls\":{\"id\":\"x\"}}}]}"})
    void aBodyThatIsNotACompletionIsAClearFailure(String body) {
        fake.enqueue(Step.raw(200, "application/json", body));

        ModelCallException failure = failure();

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).startsWith("the model's answer ");
    }

    @Test
    void aMessageWithOddFieldsStillReads() {
        fake.enqueue(Step.raw(200, "application/json", "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":42,"
                + "\"tool_calls\":[{\"function\":{\"name\":\"list_tasks\",\"arguments\":{\"status\":\"all\"}}}, 7]}}]}"));

        ModelAnswer answer = bearer().complete(request(List.of(new ModelMessage.User("hi"))));

        assertThat(answer.text()).isEmpty();
        assertThat(answer.calls()).containsExactly(new RequestedCall("", "list_tasks", "{\"status\":\"all\"}"),
                new RequestedCall("", "", ""));
        assertThat(answer.usage().totalTokens()).isZero();
    }

    @Test
    void noFailureMessageHoldsThePromptTheKeyOrTheServersText() {
        // Servers echo input in their error text; none of it may reach a message that is logged.
        String echoing = "Your input '" + PERSON + "' with key " + KEY + " was refused";
        fake.enqueue(Step.error(400, "invalid_request_error", "context_length_exceeded", echoing, "messages"),
                Step.error(401, "invalid_request_error", "invalid api key " + KEY, echoing, null),
                Step.insufficientQuota(),
                Step.serverError(503),
                Step.raw(502, "text/html", "<html>" + echoing + "</html>"),
                Step.raw(200, "application/json", "{\"choices\":[{\"message\":\"" + PERSON + "\"}]}"),
                Step.stall(Duration.ofSeconds(2), Step.text("late")));

        for (int i = 0; i < 7; i++) {
            ModelCallException failure = catchThrowableOfType(ModelCallException.class, () -> bearer().complete(
                    new ModelRequest(SYSTEM, List.of(new ModelMessage.User(PERSON)), List.of(), 200, 0, Duration.ofMillis(500))));
            for (Throwable link = failure; link != null; link = link.getCause()) {
                assertThat(String.valueOf(link.getMessage()) + link)
                        .doesNotContain("PERSON-MARKER", "SYSTEM-MARKER", KEY, "refused", "<html>");
            }
        }
        assertThat(fake.requestCount()).isEqualTo(7);
    }

    @Test
    void theSettingsNeverPrintTheKey() {
        assertThat(OpenAiSettings.bearer(URI.create(fake.baseUrl()), "gpt-test", Optional.of(KEY)).toString())
                .doesNotContain(KEY).contains("key=set");
    }

    private ModelCallException failure() {
        return catchThrowableOfType(ModelCallException.class, () -> bearer().complete(request(List.of(new ModelMessage.User(PERSON)))));
    }

    private OpenAiChatClient bearer() {
        return client(OpenAiSettings.bearer(URI.create(fake.baseUrl()), "gpt-test", Optional.of(KEY)));
    }

    private static OpenAiChatClient client(OpenAiSettings settings) {
        return new OpenAiChatClient(settings);
    }

    private static ModelRequest request(List<ModelMessage> messages) {
        return new ModelRequest(SYSTEM, messages, List.of(new ModelTool("add_task", "Adds a task.", SCHEMA)), 200, 0.0,
                Duration.ofSeconds(5));
    }
}
