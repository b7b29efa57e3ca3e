package com.todoapi.agent.openai;

import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.model.ModelCallException;
import com.todoapi.agent.model.ModelMessage;
import com.todoapi.agent.model.ModelRequest;
import com.todoapi.testing.FakeChatCompletions;
import com.todoapi.testing.FakeChatCompletions.Step;
import com.todoapi.testing.FakeChatCompletions.UsageChunk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The client reading OpenAI's stream over real HTTP from the fake, which streams byte for byte as OpenAI does. */
class OpenAiStreamingTest {
    private static final String TEXT = "Added task 3 \"Buy oat milk\" \u2014 anything else? \uD83D\uDE00";
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
    void theTextArrivesInPiecesThatJoinIntoTheAnswer() {
        fake.pace(Duration.ZERO, 3).enqueue(Step.text(TEXT).withUsage(40, 9));
        List<String> pieces = new CopyOnWriteArrayList<>();

        ModelAnswer answer = client().complete(request(), pieces::add);

        assertThat(pieces.size()).isGreaterThan(5);
        assertThat(String.join("", pieces)).isEqualTo(TEXT);
        assertThat(answer.text()).isEqualTo(TEXT);
        assertThat(answer.stopReason()).isEqualTo("stop");
        assertThat(answer.usage().inputTokens()).isEqualTo(40);
        assertThat(answer.usage().outputTokens()).isEqualTo(9);
        assertThat(answer.usage().model()).isEqualTo("gpt-test");
    }

    /** The first piece is told while the model is still writing, not once it is done. */
    @Test
    void theFirstPieceComesLongBeforeTheLast() {
        fake.pace(Duration.ofMillis(40), 4).enqueue(Step.text("one two three four five six seven eight"));
        long started = System.nanoTime();
        long[] first = {0};
        client().complete(request(), piece -> {
            if (first[0] == 0) {
                first[0] = System.nanoTime();
            }
        });
        long total = System.nanoTime() - started;
        assertThat(first[0] - started).isLessThan(total / 3);
    }

    @Test
    void toolCallsAreAssembledFromTheirFragments() {
        fake.pace(Duration.ZERO, 2).enqueue(Step.toolCalls(Step.call("call_x1", "add_task", "{\"title\":\"Milk\"}"),
                Step.call("call_x2", "complete_task", "{\"task_id\":4}")));
        List<String> pieces = new CopyOnWriteArrayList<>();

        ModelAnswer answer = client().complete(request(), pieces::add);

        assertThat(answer.calls()).containsExactly(new RequestedCall("call_x1", "add_task", "{\"title\":\"Milk\"}"),
                new RequestedCall("call_x2", "complete_task", "{\"task_id\":4}"));
        assertThat(answer.stopReason()).isEqualTo("tool_calls");
        assertThat(pieces).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(UsageChunk.class)
    void everyWayOfEndingWithOrWithoutUsageIsRead(UsageChunk usage) {
        fake.usageChunk(usage).enqueue(Step.text("fine").withUsage(11, 2));

        ModelAnswer answer = client().complete(request(), piece -> { });

        assertThat(answer.text()).isEqualTo("fine");
        assertThat(answer.usage().inputTokens()).isEqualTo(usage == UsageChunk.NONE ? 0 : 11);
    }

    @Test
    void keepAliveCommentsBetweenChunksAreIgnored() {
        fake.keepAlive("OPENROUTER PROCESSING").enqueue(Step.text("still here"));

        assertThat(client().complete(request(), piece -> { }).text()).isEqualTo("still here");
    }

    @Test
    void aStreamCutShortIsARetryableFailure() {
        fake.pace(Duration.ZERO, 2).enqueue(Step.cutShort(Step.text("This answer never ends"), 4));
        List<String> pieces = new CopyOnWriteArrayList<>();

        ModelCallException failure = catchThrowableOfType(ModelCallException.class,
                () -> client().complete(request(), pieces::add));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("[DONE]").doesNotContain("never");
        assertThat(String.join("", pieces)).isEqualTo("This a");
    }

    @Test
    void anErrorInTheMiddleOfTheStreamFailsTheCall() {
        fake.enqueue(Step.errorMidStream(Step.text("Half an answer"), 3, "server_error", "server_error",
                "The server had an error while processing your request."));

        ModelCallException failure = catchThrowableOfType(ModelCallException.class,
                () -> client().complete(request(), piece -> { }));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("server_error");
    }

    @Test
    void aSpentQuotaInTheStreamIsPermanent() {
        fake.enqueue(Step.errorMidStream(Step.text("x"), 1, "insufficient_quota", "insufficient_quota", "quota"));

        ModelCallException failure = catchThrowableOfType(ModelCallException.class,
                () -> client().complete(request(), piece -> { }));

        assertThat(failure.retryable()).isFalse();
    }

    /** The call's timeout bounds the whole stream, not only each wait for bytes. */
    @Test
    void aStreamSlowerThanTheTimeoutFails() {
        fake.pace(Duration.ofMillis(150), 1).enqueue(Step.text("slowly, slowly, slowly"));
        ModelRequest request = new ModelRequest("sys", List.of(new ModelMessage.User("hi")), List.of(), 100,
                java.util.OptionalDouble.empty(), Duration.ofMillis(1_000));

        ModelCallException failure = catchThrowableOfType(ModelCallException.class,
                () -> client().complete(request, piece -> { }));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("1000 ms");
    }

    /** A server that ignores stream: true and answers one JSON completion is read as that. */
    @Test
    void aServerThatDoesNotStreamIsReadWhole() {
        fake.enqueue(Step.raw(200, "application/json", "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"whole\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}"));
        List<String> pieces = new CopyOnWriteArrayList<>();

        ModelAnswer answer = client().complete(request(), pieces::add);

        assertThat(answer.text()).isEqualTo("whole");
        assertThat(pieces).containsExactly("whole");
    }

    @Test
    void anErrorStatusIsReadAsBefore() {
        fake.enqueue(Step.rateLimited().withHeader("retry-after-ms", "250"));

        ModelCallException failure = catchThrowableOfType(ModelCallException.class,
                () -> client().complete(request(), piece -> { }));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofMillis(250));
    }

    @Test
    void openAisOwnHostsGetMaxCompletionTokensAndEveryOtherHostMaxTokens() {
        assertThat(OpenAiSettings.defaultMaxTokensField(URI.create("https://api.openai.com/v1"))).isEqualTo("max_completion_tokens");
        assertThat(OpenAiSettings.defaultMaxTokensField(URI.create("https://my-res.openai.azure.com/openai/v1")))
                .isEqualTo("max_completion_tokens");
        assertThat(OpenAiSettings.defaultMaxTokensField(URI.create("http://127.0.0.1:11434/v1"))).isEqualTo("max_tokens");
        assertThat(OpenAiSettings.defaultMaxTokensField(URI.create("https://openrouter.ai/api/v1"))).isEqualTo("max_tokens");
        assertThat(OpenAiSettings.defaultMaxTokensField(URI.create("https://api.groq.com/openai/v1"))).isEqualTo("max_tokens");
    }

    private OpenAiChatClient client() {
        return new OpenAiChatClient(OpenAiSettings.bearer(URI.create(fake.baseUrl()), "gpt-test", Optional.of("sk-test")));
    }

    private static ModelRequest request() {
        return new ModelRequest("sys", List.of(new ModelMessage.User("hi")), List.of(), 100,
                java.util.OptionalDouble.empty(), Duration.ofSeconds(5));
    }
}
