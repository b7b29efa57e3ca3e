package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.apikeys.ApiKeyFormat;
import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import com.todoapi.local.emulator.Provisioner;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.RepoFiles;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's dependencies failing under it, on a runtime of its own (its data kept on disk so
 * DynamoDB Local can be stopped and started again): DynamoDB gone gives 503 in the error shape and
 * leaves nothing half-written (while a mistyped API key is still 401: its checksum is checked before any read); SQS refusing a job leaves the reply visibly pending until the
 * sweeper sends it again, and then it is answered once.
 */
@Tag(E2e.OWN_RUNTIME)
class FaultsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The sweeper's threshold here, so a test can wait it out (60 s in local-config, 300 s deployed). */
    private static final int STUCK_AFTER_SECONDS = 2;

    @TempDir
    static Path data;
    private static LocalRuntime runtime;
    private static ServiceClient client;

    @BeforeAll
    static void start() {
        LocalConfig local = LocalConfig.read(RepoFiles.localConfig());
        Map<String, String> environment = new HashMap<>(local.environment());
        environment.put("STUCK_AFTER_SECONDS", Integer.toString(STUCK_AFTER_SECONDS));
        runtime = LocalRuntime.start(LocalRuntimeExtension.recorded(new LocalRuntime.Options(RepoFiles.template(),
                new LocalConfig(local.parameters(), environment, List.of()), 0, 0, 0, data, 2, false, false,
                line -> System.out.println("[faults] " + line))));
        client = new ServiceClient(runtime.url());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void withDynamoDbStoppedEveryRouteAnswers503AndNothingIsHalfWritten() throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        long task = created(client.send("POST", "/v1/tasks", "{\"title\":\"Before the outage\"}", "Authorization", auth));
        long conversation = created(client.send("POST", "/v1/conversations", "{}", "Authorization", auth));
        String key = UUID.randomUUID().toString();

        // Every route once before the outage, changing nothing, so the times below are the SDK's
        // attempts and backoff, not a function's JVM starting.
        client.send("PATCH", "/v1/tasks/" + task, "{}", "Authorization", auth);
        client.send("DELETE", "/v1/tasks/999", null, "Authorization", auth);
        client.send("POST", "/v1/conversations/" + conversation + "/messages", "{\"content\":\" \"}",
                "Authorization", auth);
        client.send("DELETE", "/v1/conversations/999", null, "Authorization", auth);
        client.send("GET", "/v1/tasks", null, "Authorization", auth);

        List<HttpResponse<String>> during = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        runtime.emulators().stopDynamoDb();
        try {
            for (int round = 0; round < 2; round++) {
                timed(during, millis, () -> client.send("POST", "/v1/tasks", "{\"title\":\"During the outage\"}",
                        "Authorization", auth, "Idempotency-Key", key));
                timed(during, millis, () -> client.send("PATCH", "/v1/tasks/" + task, "{\"completed\":true}",
                        "Authorization", auth, "If-Match", "\"1\""));
                timed(during, millis, () -> client.send("DELETE", "/v1/tasks/" + task, null, "Authorization", auth));
                timed(during, millis, () -> client.send("POST", "/v1/conversations", "{}", "Authorization", auth));
                timed(during, millis, () -> client.send("POST", "/v1/conversations/" + conversation + "/messages",
                        "{\"content\":\"Add a task to fix the outage\"}", "Authorization", auth));
                timed(during, millis, () -> client.send("DELETE", "/v1/conversations/" + conversation, null,
                        "Authorization", auth));
                timed(during, millis, () -> client.send("GET", "/v1/tasks", null, "Authorization", auth));
            }
            // An API key that fails its checksum is refused before any table read: 401 with the
            // table gone, where a well-formed key, which must be read, is 503.
            String wellFormed = ApiKeyFormat.generate(new SecureRandom());
            String mistyped = wellFormed.substring(0, 39) + (wellFormed.charAt(39) == 'a' ? 'b' : 'a');
            HttpResponse<String> refused = client.send("GET", "/v1/tasks", null, "Authorization", "Bearer " + mistyped);
            assertThat(refused.statusCode()).as("a mistyped key with DynamoDB stopped").isEqualTo(401);
            assertThat(refused.headers().firstValue("www-authenticate")).hasValue("Bearer error=\"invalid_token\"");
            assertThat(client.send("GET", "/v1/tasks", null, "Authorization", "Bearer " + wellFormed).statusCode())
                    .as("a well-formed key with DynamoDB stopped").isEqualTo(503);
        } finally {
            runtime.emulators().startDynamoDbAgain();
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("DynamoDB stopped: time to each 503 (ms; POST task, PATCH, DELETE task, POST conversation, "
                        + "POST message, DELETE conversation, GET tasks; twice) %s; median %d, max %d%n",
                millis, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));

        for (HttpResponse<String> response : during) {
            assertThat(response.statusCode()).as(response.request().method() + " " + response.uri().getPath())
                    .isEqualTo(503);
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("unavailable");
            assertThat(error.get("request_id").asText()).isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
            assertThat(response.headers().firstValue("retry-after")).isPresent();
        }
        // Generous (the API functions' budget is well under a second): fails if long retries come back.
        assertThat(sorted.get(sorted.size() - 1)).as("the slowest 503, in ms").isLessThan(2_500);
        JsonNode tasks = get(auth, "/v1/tasks?status=all");
        assertThat(tasks.get("items")).hasSize(1);
        assertThat(tasks.at("/items/0/title").asText()).isEqualTo("Before the outage");
        assertThat(tasks.at("/items/0/completed").asBoolean()).isFalse();
        assertThat(tasks.at("/items/0/version").asLong()).isEqualTo(1);
        assertThat(get(auth, "/v1/conversations").get("items")).hasSize(1);
        assertThat(get(auth, "/v1/conversations/" + conversation + "/messages").get("items")).isEmpty();

        HttpResponse<String> retried = client.send("POST", "/v1/tasks", "{\"title\":\"During the outage\"}",
                "Authorization", auth, "Idempotency-Key", key);
        assertThat(retried.statusCode()).as("the client's retry with its key, once DynamoDB is back").isEqualTo(201);
        assertThat(get(auth, "/v1/tasks?status=all").get("items")).hasSize(2);
        System.out.printf("DynamoDB stopped: requests %d, 503 %d, other %d, partial writes visible 0, "
                        + "retry with the same key after recovery %d%n", during.size(),
                during.stream().filter(r -> r.statusCode() == 503).count(),
                during.stream().filter(r -> r.statusCode() != 503).count(), retried.statusCode());
    }

    @Test
    void aJobSqsRefusedIsSentAgainByTheSweeperAndAnsweredOnce() throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        long conversation = created(client.send("POST", "/v1/conversations", "{}", "Authorization", auth));
        String chatQueue = runtime.resources().queue("ChatQueue").url();

        runtime.aws().sqs().deleteQueue(d -> d.queueUrl(chatQueue));
        HttpResponse<String> accepted;
        try {
            accepted = client.send("POST", "/v1/conversations/" + conversation + "/messages",
                    "{\"content\":\"Add a task to water the ferns\"}", "Authorization", auth);
        } finally {
            new Provisioner(runtime.aws()).provision(runtime.resources().template(), runtime.resources().parameters());
        }
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long reply = JSON.readTree(accepted.body()).at("/reply/id").asLong();
        Thread.sleep(1_500);
        JsonNode waiting = get(auth, "/v1/conversations/" + conversation + "/messages");
        assertThat(waiting.at("/items/1/status").asText()).as("visibly pending, not lost").isEqualTo("pending");

        Thread.sleep(STUCK_AFTER_SECONDS * 1_000L);
        var sweep = runtime.function("SweeperFunction").invoke(Files.readAllBytes(RepoFiles.root()
                .resolve("events/sweeper-schedule.json")));
        assertThat(sweep.succeeded()).as(sweep.toString()).isTrue();

        JsonNode settled = awaitSettled(auth, conversation);
        List<String> shape = new ArrayList<>();
        settled.get("items").forEach(m -> shape.add(m.get("role").asText() + ":" + m.get("status").asText()));
        assertThat(shape).containsExactly("user:completed", "assistant:completed");
        assertThat(settled.at("/items/1/id").asLong()).isEqualTo(reply);
        List<String> titles = new ArrayList<>();
        get(auth, "/v1/tasks?status=all").get("items").forEach(t -> titles.add(t.get("title").asText()));
        assertThat(titles).containsExactly("Water the ferns");
        System.out.printf("SQS refusing the send: 202, reply pending until the sweep, replies 1, tasks 1, lost 0%n");
    }

    private static void timed(List<HttpResponse<String>> responses, List<Long> millis,
                              Supplier<HttpResponse<String>> request) {
        long start = System.nanoTime();
        responses.add(request.get());
        millis.add((System.nanoTime() - start) / 1_000_000);
    }

    private static long created(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asLong();
    }

    private static JsonNode get(String auth, String path) throws Exception {
        HttpResponse<String> response = client.send("GET", path, null, "Authorization", auth);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode awaitSettled(String auth, long conversation) throws Exception {
        for (int i = 0; i < 120; i++) {
            JsonNode messages = get(auth, "/v1/conversations/" + conversation + "/messages");
            if (messages.get("items").size() == 2 && !messages.at("/items/1/status").asText().equals("pending")) {
                return messages;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the reply is still pending 30 s after the sweep");
    }
}
