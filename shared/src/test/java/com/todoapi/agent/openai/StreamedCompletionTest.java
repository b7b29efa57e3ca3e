package com.todoapi.agent.openai;

import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.Usage;
import com.todoapi.agent.model.ModelCallException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Chunks as servers send them, written out by hand where the fake server does not send them so:
 * OpenAI's own shapes are covered against the fake in {@link OpenAiStreamingTest}.
 */
class StreamedCompletionTest {
    private static final String HEAD = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",";

    @Test
    void toolCallFragmentsJoinByIndexEvenInterleaved() throws IOException {
        ModelAnswer answer = read(
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"add_task\",\"arguments\":\"\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"list_tasks\",\"arguments\":\"{}\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"title\\\":\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Milk\\\"}\"}}]}", null),
                chunk("{}", "tool_calls"),
                "[DONE]");
        assertThat(answer.calls()).containsExactly(new RequestedCall("call_a", "add_task", "{\"title\":\"Milk\"}"),
                new RequestedCall("call_b", "list_tasks", "{}"));
        assertThat(answer.stopReason()).isEqualTo("tool_calls");
    }

    /** Some servers send each call whole, without an index, and the arguments as an object. */
    @Test
    void callsWithoutAnIndexTakeTheNextPlace() throws IOException {
        ModelAnswer answer = read(
                chunk("{\"tool_calls\":[{\"id\":\"x\",\"function\":{\"name\":\"add_task\",\"arguments\":{\"title\":\"A\"}}}]}", null),
                chunk("{\"tool_calls\":[{\"id\":\"y\",\"function\":{\"name\":\"add_task\",\"arguments\":\"{\\\"title\\\":\\\"B\\\"}\"}}]}", null),
                chunk("{}", "tool_calls"), "[DONE]");
        assertThat(answer.calls()).extracting(RequestedCall::arguments).containsExactly("{\"title\":\"A\"}", "{\"title\":\"B\"}");
    }

    @Test
    void usageComesFromWhicheverChunkCarriesIt() throws IOException {
        ModelAnswer answer = read(chunk("{\"content\":\"Hi\"}", null), chunk("{}", "stop"),
                HEAD + "\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}", "[DONE]");
        assertThat(answer.usage()).isEqualTo(new Usage("m", 12, 3));
        ModelAnswer withoutChoices = read(chunk("{\"content\":\"Hi\"}", null), chunk("{}", "stop"),
                HEAD + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}", "[DONE]");
        assertThat(withoutChoices.usage()).isEqualTo(new Usage("m", 5, 1));
        // llama.cpp's server puts the usage on the finishing chunk itself
        ModelAnswer onTheFinish = read(chunk("{\"content\":\"Hi\"}", null),
                HEAD + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}",
                "[DONE]");
        assertThat(onTheFinish.usage()).isEqualTo(new Usage("m", 7, 2));
    }

    @Test
    void aRefusalIsTheTextWhenThereIsNoContent() throws IOException {
        ModelAnswer answer = read(chunk("{\"refusal\":\"I can't \"}", null), chunk("{\"refusal\":\"help.\"}", null),
                chunk("{}", "stop"), "[DONE]");
        assertThat(answer.text()).isEqualTo("I can't help.");
    }

    @Test
    void anErrorEventTypeFailsTheCall() {
        String body = "data: " + chunk("{\"content\":\"Hel\"}", null) + "\n\nevent: error\ndata: {\"message\":\"overloaded\"}\n\n";
        ModelCallException failure = catchThrowableOfType(ModelCallException.class, () -> readRaw(body, new ArrayList<>()));
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void aChunkThatIsNotJsonIsARetryableFailure() {
        ModelCallException failure = catchThrowableOfType(ModelCallException.class,
                () -> readRaw("data: {\"choices\":[{\"delta\":{\"content\":\"a\"}\n\n", new ArrayList<>()));
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).doesNotContain("content");
    }

    @Test
    void doneWithNoFinishReasonStillEnds() throws IOException {
        assertThat(read(chunk("{\"content\":\"ok\"}", null), "[DONE]").text()).isEqualTo("ok");
    }

    @Test
    void aBodyThatEndsAfterTheFinishButBeforeDoneWasCutShort() {
        ModelCallException failure = catchThrowableOfType(ModelCallException.class,
                () -> readRaw("data: " + chunk("{\"content\":\"ok\"}", "stop") + "\n\n", new ArrayList<>()));
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("[DONE]");
    }

    private static String chunk(String delta, String finishReason) {
        return HEAD + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}";
    }

    private static ModelAnswer read(String... data) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String event : data) {
            body.append("data: ").append(event).append("\n\n");
        }
        return readRaw(body.toString(), new ArrayList<>());
    }

    private static ModelAnswer readRaw(String body, List<String> pieces) throws IOException {
        StreamedCompletion completion = new StreamedCompletion(pieces::add, 10_000);
        new EventStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).read(completion::accept);
        return completion.answer();
    }
}
