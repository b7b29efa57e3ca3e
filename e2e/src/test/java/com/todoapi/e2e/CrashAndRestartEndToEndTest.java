package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole local runtime killed with SIGKILL while chat messages are in flight, then started
 * again on the same data: every acknowledged write is there, and every message ends with exactly
 * one reply (and its task made exactly once). The jobs queued in ElasticMQ die with the process;
 * the pending replies in the table are the durable record, re-sent when the runtime starts.
 */
@Tag(E2e.OWN_RUNTIME)
class CrashAndRestartEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TASKS = 5;
    private static final int CHATS = 6;

    @Test
    void nothingAcknowledgedIsLostAndEachMessageInFlightGetsExactlyOneReply(@TempDir Path data) throws Exception {
        String user = Tokens.newUser();
        String auth = Tokens.bearer(user);
        List<String> expectedTitles = new ArrayList<>();
        List<Long> conversations = new ArrayList<>();

        RunCommand first = RunCommand.start(data);
        ServiceClient before = new ServiceClient(first.url());
        for (int i = 1; i <= TASKS; i++) {
            String title = "Written before the crash " + i;
            HttpResponse<String> created = before.send("POST", "/v1/tasks", JSON.writeValueAsString(Map.of("title", title)),
                    "Authorization", auth);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            expectedTitles.add(title);
        }
        for (int i = 1; i <= CHATS; i++) {
            HttpResponse<String> created = before.send("POST", "/v1/conversations", "{}", "Authorization", auth);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            conversations.add(JSON.readTree(created.body()).get("id").asLong());
        }
        for (int i = 1; i <= CHATS; i++) {
            HttpResponse<String> accepted = before.send("POST", "/v1/conversations/" + conversations.get(i - 1) + "/messages",
                    JSON.writeValueAsString(Map.of("content", "Add a task to pack box " + i)), "Authorization", auth);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            expectedTitles.add("Pack box " + i);
        }
        List<ProcessHandle> orphans = first.kill(Duration.ofSeconds(10));

        long restarted = System.nanoTime();
        try (RunCommand second = RunCommand.start(data)) {
            ServiceClient after = new ServiceClient(second.url());
            JsonNode resent = awaitResendReport(second);
            int replies = 0;
            int duplicates = 0;
            for (long conversation : conversations) {
                JsonNode messages = awaitSettled(after, auth, conversation);
                List<String> shape = new ArrayList<>();
                messages.get("items").forEach(m -> shape.add(m.get("role").asText() + ":" + m.get("status").asText()));
                assertThat(shape).as("conversation %d", conversation).containsExactly("user:completed", "assistant:completed");
                replies++;
                duplicates += messages.get("items").size() - 2;
            }
            double recoverySeconds = (System.nanoTime() - restarted) / 1e9;
            List<String> titles = new ArrayList<>();
            get(after, auth, "/v1/tasks?status=all&limit=100").get("items").forEach(t -> titles.add(t.get("title").asText()));
            assertThat(titles).as("every acknowledged task, each chat task once").containsExactlyInAnyOrderElementsOf(expectedTitles);
            int lost = expectedTitles.size() - (int) expectedTitles.stream().filter(titles::contains).count();

            System.out.printf("crash and restart: acknowledged writes %d (%d tasks, %d chat messages), replies pending "
                            + "at restart %d, replies after restart %d (one per message), duplicates %d, lost %d, "
                            + "function processes left running by the kill %d, settled %.1f s after restart%n",
                    TASKS + CHATS, TASKS, CHATS, resent.get("requeued").asInt(), replies, duplicates, lost,
                    orphans.size(), recoverySeconds);
            assertThat(resent.get("requeued").asInt()).as("the kill caught at least one reply in flight")
                    .isPositive();
            assertThat(orphans).as("function JVMs outliving the killed runtime").isEmpty();
        }
    }

    /** The sweeper's answer to the "Resend pending work" event the runtime sends when it starts. */
    private static JsonNode awaitResendReport(RunCommand run) throws Exception {
        for (int i = 0; i < 600; i++) {
            Optional<String> report = run.output().stream().filter(l -> l.startsWith("[start] SweeperFunction: "))
                    .findFirst();
            if (report.isPresent()) {
                return JSON.readTree(report.get().substring("[start] SweeperFunction: ".length()));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the runtime did not report its start events: " + run.output());
    }

    private static JsonNode awaitSettled(ServiceClient client, String auth, long conversation) throws Exception {
        for (int i = 0; i < 240; i++) {
            JsonNode messages = get(client, auth, "/v1/conversations/" + conversation + "/messages?limit=100");
            boolean pending = false;
            for (JsonNode m : messages.get("items")) {
                pending |= m.get("status").asText().equals("pending");
            }
            if (!pending) {
                return messages;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("conversation " + conversation + " still has a pending reply after 60 s");
    }

    private static JsonNode get(ServiceClient client, String auth, String path) throws Exception {
        HttpResponse<String> response = client.send("GET", path, null, "Authorization", auth);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
