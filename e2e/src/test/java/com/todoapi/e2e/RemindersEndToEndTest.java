package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import com.todoapi.testing.AsyncApiContract;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.RepoFiles;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders through the local runtime with its schedules on, as a person would see them: a
 * reminder set for the next minute is recorded on its task at that minute and reaches the person's
 * open WebSocket once (the lags printed), one
 * whose task was completed first never is, and one whose minute passed while the runtime was down
 * fires once, late, after a restart on the same data. One wait of at most about a minute and a half.
 */
@Tag(E2e.OWN_RUNTIME)
class RemindersEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Less time than this to the next minute, and the reminder goes to the minute after: the create must land first. */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    @Test
    void firesOnItsMinuteNeverForACompletedTaskAndLateOnceAfterDowntime(@TempDir Path data) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        long missed;
        Instant missedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (LocalRuntime down = start(data, false)) {
            missed = create(new ServiceClient(down.url()), auth, "While it was down", missedAt);
        }
        Instant restarted = Instant.now();
        try (LocalRuntime runtime = start(data, true)) {
            ServiceClient client = new ServiceClient(runtime.url());
            Socket socket = Socket.open(runtime, auth);
            Instant minute = Instant.now().plus(MARGIN).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            long onTime = create(client, auth, "Call John", minute);
            long completed = create(client, auth, "Done before its reminder", minute);
            HttpResponse<String> done = client.send("PATCH", "/v1/tasks/" + completed, "{\"completed\":true}",
                    "Authorization", auth);
            assertThat(done.statusCode()).isEqualTo(200);

            // Nothing to read before the minute; polling from then on stays far below the rate limit.
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), minute).toMillis()));
            JsonNode fired = awaitReminded(runtime, client, auth, onTime, minute.plusSeconds(40));
            Instant firedAt = Instant.parse(fired.get("reminded_at").asText());
            System.out.printf("reminder lag: %d ms from the minute (%s) to reminded_at%n",
                    Duration.between(minute, firedAt).toMillis(), minute);
            // The first tick of a fresh runtime starts the function's JVM: seconds on a busy machine.
            assertThat(firedAt).isBetween(minute, minute.plusSeconds(25));
            assertThat(fired.get("version").asLong()).isEqualTo(2);

            JsonNode late = awaitReminded(runtime, client, auth, missed, minute.plusSeconds(40));
            assertThat(Instant.parse(late.get("reminded_at").asText())).isAfter(restarted);
            assertThat(late.get("version").asLong()).isEqualTo(2);

            JsonNode pushed = socket.awaitReminder(onTime, minute.plusSeconds(40));
            System.out.printf("reminder lag: %d ms from the minute to the WebSocket event%n",
                    Duration.between(minute, socket.receivedAt(pushed)).toMillis());
            assertThat(pushed.at("/task/reminded_at").asText()).isEqualTo(fired.get("reminded_at").asText());
            assertThat(pushed.get("task")).isEqualTo(task(client, auth, onTime));
            Thread.sleep(3_000);
            List<Long> reminded = socket.reminders();
            assertThat(reminded).as("one event for the reminder").filteredOn(id -> id == onTime).hasSize(1);
            assertThat(reminded).as("none for the completed task").doesNotContain(completed);
            // The missed one fired at the runtime's first tick, which may come before the socket opened:
            // pushed to whoever was connected then (best effort), never twice.
            assertThat(reminded).filteredOn(id -> id == missed).hasSizeLessThanOrEqualTo(1);
            assertThat(socket.violations()).as("every event as asyncapi.yaml describes it").isEmpty();
            socket.close();

            JsonNode neverReminded = task(client, auth, completed);
            assertThat(neverReminded.get("reminded_at").isNull()).isTrue();
            assertThat(neverReminded.get("completed").asBoolean()).isTrue();
        }
    }

    private static long create(ServiceClient client, String auth, String title, Instant remindAt) throws Exception {
        HttpResponse<String> created = client.send("POST", "/v1/tasks",
                JSON.createObjectNode().put("title", title).put("remind_at", remindAt.toString()).toString(),
                "Authorization", auth, "Content-Type", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode task = JSON.readTree(created.body());
        assertThat(task.get("reminded_at").isNull()).isTrue();
        return task.get("id").asLong();
    }

    private static JsonNode awaitReminded(LocalRuntime runtime, ServiceClient client, String auth, long id,
                                          Instant deadline) throws Exception {
        while (true) {
            JsonNode task = task(client, auth, id);
            if (!task.get("reminded_at").isNull() || Instant.now().isAfter(deadline)) {
                assertThat(task.get("reminded_at").isNull())
                        .as("task %d reminded by %s; its item: %s", id, deadline, storedItem(runtime, id)).isFalse();
                return task;
            }
            Thread.sleep(500);
        }
    }

    /** The task's item as stored (its keys and reminder attributes), to tell a failure's cause. */
    private static String storedItem(LocalRuntime runtime, long id) {
        String table = runtime.resources().tableName("TodoTable");
        return runtime.aws().dynamoDb().scan(b -> b.tableName(table)
                        .filterExpression("task_id = :id").expressionAttributeValues(Map.of(":id", AttributeValue.fromN(Long.toString(id))))
                        .projectionExpression("pk, sk, remind_shard, remind_at, reminded_at, completed, version"))
                .items().toString();
    }

    private static JsonNode task(ServiceClient client, String auth, long id) throws Exception {
        HttpResponse<String> read = client.send("GET", "/v1/tasks/" + id, null, "Authorization", auth);
        assertThat(read.statusCode()).isEqualTo(200);
        return JSON.readTree(read.body());
    }

    /**
     * A client's open WebSocket (the JDK's {@link WebSocket}, with the bearer token as the
     * {@code Authorization} header, docs/realtime.md), keeping every event it receives, when, and
     * how it breaks asyncapi.yaml if it does.
     */
    private record Socket(WebSocket webSocket, List<JsonNode> events, Map<JsonNode, Instant> times,
                          List<String> violations) {
        private static final AsyncApiContract PROTOCOL = AsyncApiContract.ofRepository();

        static Socket open(LocalRuntime runtime, String auth) throws Exception {
            List<JsonNode> events = new CopyOnWriteArrayList<>();
            Map<JsonNode, Instant> times = new ConcurrentHashMap<>();
            List<String> violations = new CopyOnWriteArrayList<>();
            WebSocket.Listener listener = new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        try {
                            JsonNode event = JSON.readTree(text.toString());
                            times.put(event, Instant.now());
                            violations.addAll(PROTOCOL.violations(event));
                            events.add(event);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        text.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }
            };
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", auth)
                    .buildAsync(runtime.webSocketUrl().orElseThrow(), listener).get(30, TimeUnit.SECONDS);
            return new Socket(ws, events, times, violations);
        }

        JsonNode awaitReminder(long taskId, Instant deadline) throws InterruptedException {
            while (Instant.now().isBefore(deadline)) {
                for (JsonNode event : events) {
                    if ("reminder".equals(event.path("type").asText()) && event.at("/task/id").asLong() == taskId) {
                        return event;
                    }
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no reminder event for task " + taskId + " by " + deadline + "; got " + events);
        }

        Instant receivedAt(JsonNode event) {
            return times.get(event);
        }

        List<Long> reminders() {
            return events.stream().filter(e -> "reminder".equals(e.path("type").asText()))
                    .map(e -> e.at("/task/id").asLong()).toList();
        }

        void close() throws Exception {
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        }
    }

    private static LocalRuntime start(Path data, boolean schedules) {
        return LocalRuntime.start(LocalRuntimeExtension.recorded(new LocalRuntime.Options(RepoFiles.template(),
                LocalConfig.read(RepoFiles.localConfig()), 0, 0, 0, data, 2, false, schedules,
                line -> System.out.println("[reminders] " + line))));
    }
}
