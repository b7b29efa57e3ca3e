package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.testing.FakeChatCompletions;
import com.todoapi.testing.FakeChatCompletions.Step;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole local runtime killed with SIGKILL while the worker is streaming a reply (as in
 * {@link CrashAndRestartEndToEndTest}), then started again on the same data: the turn runs again
 * and streams again to a new connection, with a higher {@code attempt}; one reply is stored, the
 * deltas of the run that wrote it join into it, and one {@code reply.completed} tells it.
 */
@Tag(E2e.OWN_RUNTIME)
class StreamedReplyCrashEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPLY = "A long answer, written slowly enough to be cut in the middle: first the plumber, "
            + "then the parcel, then the dentist, and finally the passport, which is the one that cannot wait.";

    @Test
    void aWorkerKilledMidStreamLeavesOneReplyAndOneCompletedAndTheReplayStreamsWithAHigherAttempt(@TempDir Path data)
            throws Exception {
        try (FakeChatCompletions model = FakeChatCompletions.start().pace(Duration.ofMillis(60), 2)
                .brain(request -> Step.text(REPLY))) {
            List<String> agent = List.of("--agent", "openai", "--model", "slow-model", "--model-base-url", model.baseUrl(),
                    "--ws-port", "0");
            String auth = Tokens.bearer(Tokens.newUser());

            RunCommand first = RunCommand.start(data, agent);
            StreamedReplyEndToEndTest.Events before = new StreamedReplyEndToEndTest.Events();
            connect(first.webSocketUrl(), auth, before);
            ServiceClient client = new ServiceClient(first.url());
            HttpResponse<String> created = client.send("POST", "/v1/conversations", "{}", "Authorization", auth);
            long conversation = JSON.readTree(created.body()).get("id").asLong();
            HttpResponse<String> accepted = client.send("POST", "/v1/conversations/" + conversation + "/messages",
                    JSON.writeValueAsString(Map.of("content", "What is first?")), "Authorization", auth);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            List<JsonNode> cut = before.until("reply.delta", Duration.ofSeconds(60));
            cut.addAll(before.until("reply.delta", Duration.ofSeconds(10)));
            first.kill(Duration.ofSeconds(10));
            cut.addAll(before.drain());
            assertThat(cut).as("killed mid-stream").noneMatch(e -> e.path("type").asText().equals("reply.completed"));
            int cutAttempt = cut.stream().filter(e -> e.path("type").asText().equals("reply.delta"))
                    .mapToInt(e -> e.path("attempt").asInt()).max().orElseThrow();

            try (RunCommand second = RunCommand.start(data, agent)) {
                StreamedReplyEndToEndTest.Events after = new StreamedReplyEndToEndTest.Events();
                WebSocket socket = connect(second.webSocketUrl(), auth, after);
                List<JsonNode> replay = after.until("reply.completed", Duration.ofSeconds(120));
                Thread.sleep(1_000);
                List<JsonNode> later = after.drain();

                ServiceClient again = new ServiceClient(second.url());
                JsonNode items = JSON.readTree(again.send("GET", "/v1/conversations/" + conversation + "/messages", null,
                        "Authorization", auth).body()).get("items");
                assertThat(items).as("the message and one reply").hasSize(2);
                JsonNode stored = items.get(1);
                assertThat(stored.path("status").asText()).isEqualTo("completed");
                assertThat(stored.path("content").asText()).isEqualTo(REPLY);

                List<JsonNode> deltas = replay.stream().filter(e -> e.path("type").asText().equals("reply.delta")).toList();
                int last = deltas.getLast().path("attempt").asInt();
                assertThat(last).as("the replay streams as a later attempt").isGreaterThan(cutAttempt);
                assertThat(deltas.stream().filter(e -> e.path("attempt").asInt() == last)
                        .map(e -> e.path("text").asText()).reduce("", String::concat)).isEqualTo(REPLY);
                assertThat(replay.getLast().path("reply")).isEqualTo(stored);
                assertThat(later).as("one reply.completed").noneMatch(e -> e.path("type").asText().equals("reply.completed"));
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            }
        }
    }

    private static WebSocket connect(URI url, String auth, WebSocket.Listener listener) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", auth).buildAsync(url, listener)
                .get(10, TimeUnit.SECONDS);
    }
}
