package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.local.LocalConfig;
import com.todoapi.testing.AsyncApiContract;
import com.todoapi.testing.FakeChatCompletions;
import com.todoapi.testing.FakeChatCompletions.Step;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import com.todoapi.testing.WebSocketEndpoints;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chat reply streamed to a real WebSocket client (the JDK's {@code java.net.http.WebSocket})
 * through the local runtime: the chat worker with {@code AGENT=openai} against a Chat Completions
 * server on the loopback that streams OpenAI's wire format at a set pace, the connect function,
 * the {@code @connections} endpoint. The deltas arrive in order and join into the reply that
 * {@code GET …/messages} then shows, and one {@code reply.completed} carries it.
 */
@Tag(E2e.OWN_RUNTIME)
@ExtendWith(LocalRuntimeExtension.class)
@LocalRuntimeExtension.Setup(StreamedReplyEndToEndTest.StreamingModel.class)
class StreamedReplyEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String REPLY = "Here is what I would do this week: call the plumber on Monday, pick up the parcel on "
            + "Tuesday, and book the dentist for Thursday morning. Shall I add these as tasks with due dates?";

    /** The model: a fake that answers every request with {@link #REPLY}, 3 characters every 10 ms. */
    public static final class StreamingModel implements LocalRuntimeExtension.RuntimeSetup {
        @Override
        public LocalRuntimeExtension.Prepared prepare(LocalConfig base) {
            FakeChatCompletions server = FakeChatCompletions.start().pace(Duration.ofMillis(10), 3)
                    .brain(request -> Step.text(REPLY));
            Map<String, String> parameters = new HashMap<>(base.parameters());
            parameters.put("AgentProvider", "openai");
            parameters.put("ModelId", "streaming-model");
            parameters.put("ModelBaseUrl", server.baseUrl());
            return new LocalRuntimeExtension.Prepared(new LocalConfig(parameters, base.environment(), base.onStart()), server);
        }
    }

    @Test
    void aReplyArrivesAsDeltasInOrderThenOneCompletedWithTheStoredReply(ServiceClient client, WebSocketEndpoints endpoints)
            throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        Events events = new Events();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", auth)
                .buildAsync(endpoints.url(), events).get(10, TimeUnit.SECONDS);
        try {
            HttpResponse<String> created = client.send("POST", "/v1/conversations", "{}", "Authorization", auth);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long conversation = JSON.readTree(created.body()).get("id").asLong();
            HttpResponse<String> accepted = client.send("POST", "/v1/conversations/" + conversation + "/messages",
                    JSON.writeValueAsString(Map.of("content", "Plan my week")), "Authorization", auth);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String replyId = JSON.readTree(accepted.body()).at("/reply/id").asText();

            List<JsonNode> received = events.until("reply.completed", Duration.ofSeconds(60));

            List<JsonNode> deltas = received.stream().filter(e -> e.path("type").asText().equals("reply.delta")).toList();
            assertThat(deltas.size()).as("several deltas, batched").isBetween(2, REPLY.length() / 6);
            int attempt = deltas.getFirst().path("attempt").asInt();
            assertThat(deltas).allSatisfy(e -> {
                assertThat(e.path("conversation_id").asLong()).isEqualTo(conversation);
                assertThat(e.path("reply_id").asText()).isEqualTo(replyId);
                assertThat(e.path("attempt").asInt()).isEqualTo(attempt);
            });
            assertThat(deltas).extracting(e -> e.path("seq").asInt())
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, deltas.size()).boxed().toList());
            String joined = deltas.stream().map(e -> e.path("text").asText()).reduce("", String::concat);

            HttpResponse<String> listed = client.send("GET", "/v1/conversations/" + conversation + "/messages", null,
                    "Authorization", auth);
            JsonNode stored = JSON.readTree(listed.body()).get("items").get(1);
            assertThat(stored.path("status").asText()).isEqualTo("completed");
            assertThat(joined).isEqualTo(stored.path("content").asText()).isEqualTo(REPLY);
            JsonNode completed = received.getLast();
            assertThat(completed.path("type").asText()).isEqualTo("reply.completed");
            assertThat(completed.path("reply")).isEqualTo(stored);
            assertThat(received.stream().filter(e -> e.path("type").asText().equals("reply.completed"))).hasSize(1);
            AsyncApiContract contract = AsyncApiContract.ofRepository();
            assertThat(received).as("every event as asyncapi.yaml describes it")
                    .allSatisfy(e -> assertThat(contract.violations(e)).as(e.toString()).isEmpty());
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }

    /** Text messages as JSON, in the order they arrive. */
    static final class Events implements WebSocket.Listener {
        private final BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    queue.add(JSON.readTree(partial.toString()));
                } catch (Exception notJson) {
                    throw new IllegalStateException("not JSON: " + partial, notJson);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        /** Every event up to and with the first of {@code type}. */
        List<JsonNode> until(String type, Duration timeout) throws InterruptedException {
            List<JsonNode> seen = new ArrayList<>();
            long end = System.nanoTime() + timeout.toNanos();
            while (true) {
                JsonNode next = queue.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no " + type + " within " + timeout + "; received " + seen);
                }
                seen.add(next);
                if (next.path("type").asText().equals(type)) {
                    return seen;
                }
            }
        }

        /** What arrived and was not taken yet. */
        List<JsonNode> drain() {
            List<JsonNode> rest = new ArrayList<>();
            queue.drainTo(rest);
            return rest;
        }
    }

}
