package com.todoapi.aws.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.aws.AwsClients;
import com.todoapi.aws.dynamodb.DynamoConnectionStore;
import com.todoapi.aws.dynamodb.Tables;
import com.todoapi.json.Json;
import com.todoapi.live.LiveChannel;
import com.todoapi.live.LiveConnection;
import com.todoapi.live.LiveEvents;
import com.todoapi.metrics.MetricsLog;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.FakeConnectionsApi;
import com.todoapi.testing.FakeConnectionsApi.Behaviour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code @connections} publisher on DynamoDB Local with the management API a loopback fake: a
 * publish drops every post that fails, deletes the item of a connection that is gone, stops starting
 * posts when its 2 s are used, and counts each drop by outcome in one EMF line; a burst reads the
 * connections once and stops posting to a connection found gone.
 */
@ExtendWith(AwsBackendExtension.class)
class ConnectionsPublisherTest {
    private static FakeConnectionsApi api;

    @BeforeAll
    static void start() {
        api = FakeConnectionsApi.start();
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void everyFailureIsDroppedAndCountedWithinTheBudget(AwsBackend aws) {
        DynamoConnectionStore store = new DynamoConnectionStore(new Tables(aws.aws().dynamoDb(), aws.tableName()));
        String user = "publisher-" + UUID.randomUUID();
        List<Behaviour> order = List.of(Behaviour.GONE, Behaviour.THROTTLED, Behaviour.FAILING, Behaviour.SLOW,
                Behaviour.SLOW, Behaviour.SLOW, Behaviour.OPEN);
        Map<Behaviour, String> last = new HashMap<>();
        Instant at = Instant.parse("2026-12-05T10:00:00Z");
        for (Behaviour behaviour : order) {
            String id = behaviour + "-" + UUID.randomUUID();
            api.connection(id, behaviour).slowness(Duration.ofSeconds(3));
            at = at.plusMillis(1);
            store.add(user, new LiveConnection(id, at), at.plusSeconds(3600));
            last.put(behaviour, id);
        }
        ConnectionsPublisher publisher = new ConnectionsPublisher(
                AwsClients.connections(api.endpoint(), ConnectionsPublisher.PER_POST), store,
                new MetricsLog("TodoApi/test", "TestFunction", Clock.systemUTC()));

        long started = System.nanoTime();
        String printed = stdoutOf(() -> publisher.publish(user, LiveEvents.pong()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("the budget (2 s) and one post's timeout (1 s)").isLessThan(Duration.ofMillis(3_500));
        assertThat(api.received(last.get(Behaviour.OPEN))).as("the open connection came after the budget").isEmpty();
        assertThat(store.list(user)).extracting(LiveConnection::connectionId).as("only the gone one is deleted")
                .hasSize(order.size() - 1).doesNotContain(last.get(Behaviour.GONE));
        JsonNode line = tree(printed.lines().filter(l -> l.contains("LivePushesDropped")).findFirst()
                .orElseThrow(() -> new AssertionError("no LivePushesDropped line in " + printed)));
        assertThat(counts(printed)).containsExactlyInAnyOrderEntriesOf(Map.of("gone", 1, "throttled", 1, "failed", 1,
                "timeout", 2, "over_budget", 2));
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("TodoApi/test");
    }

    @Test
    void aBurstReadsTheConnectionsOnceAndSkipsOneFoundGone(AwsBackend aws) {
        DynamoConnectionStore store = new DynamoConnectionStore(new Tables(aws.aws().dynamoDb(), aws.tableName()));
        String user = "burst-" + UUID.randomUUID();
        String open = "open-" + UUID.randomUUID();
        String gone = "gone-" + UUID.randomUUID();
        api.connection(open, Behaviour.OPEN).connection(gone, Behaviour.GONE);
        store.add(user, new LiveConnection(open, Instant.now()), Instant.now().plusSeconds(3600));
        store.add(user, new LiveConnection(gone, Instant.now()), Instant.now().plusSeconds(3600));
        ConnectionsPublisher publisher = new ConnectionsPublisher(
                AwsClients.connections(api.endpoint(), ConnectionsPublisher.PER_POST), store,
                new MetricsLog("TodoApi/test", "TestFunction", Clock.systemUTC()));

        LiveChannel channel = publisher.open(user);
        String late = "late-" + UUID.randomUUID();
        api.connection(late, Behaviour.OPEN);
        store.add(user, new LiveConnection(late, Instant.now()), Instant.now().plusSeconds(3600));
        String printed = stdoutOf(() -> {
            for (int i = 1; i <= 3; i++) {
                channel.send(Json.MAPPER.createObjectNode().put("type", "pong").put("n", i));
            }
        });

        assertThat(api.received(open)).hasSize(3);
        assertThat(api.received(late)).as("opened after the burst read the connections").isEmpty();
        assertThat(counts(printed)).as("the gone connection is posted to once").isEqualTo(Map.of("gone", 1));
    }

    private static Map<String, Integer> counts(String printed) {
        Map<String, Integer> counts = new HashMap<>();
        printed.lines().filter(l -> l.contains("LivePushesDropped")).forEach(l -> {
            JsonNode line = tree(l);
            counts.merge(line.get("Outcome").asText(), line.get("LivePushesDropped").asInt(), Integer::sum);
        });
        return counts;
    }

    private static JsonNode tree(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String stdoutOf(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
