package com.todoapi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.local.websocket.WebSocketLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API Gateway's idle timeout (10 minutes) and maximum connection duration (2 hours), shortened to
 * seconds: both close the connection with 1001 and are reported to {@code $disconnect}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSocketTimeoutsTest {
    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final Duration MAX_DURATION = Duration.ofSeconds(8);
    private LocalRuntime runtime;
    private WebSocketEventLog events;

    @BeforeAll
    void start(@TempDir Path directory) throws Exception {
        Path template = FixturePackage.create(directory, "/websocket-test-template.yaml");
        Path log = directory.resolve("events.jsonl");
        events = new WebSocketEventLog(log);
        runtime = LocalRuntime.start(new LocalRuntime.Options(template, new LocalConfig(Map.of(), Map.of("EVENT_LOG", log.toString())),
                0, 0, 0, null, 2, false, false, line -> System.out.println("[runtime] " + line))
                .withWebSocket(0, WebSocketLimits.AWS.withTimeouts(IDLE, MAX_DURATION)));
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    @Test
    void closesAConnectionIdleForTheIdleTimeout() throws Exception {
        String ticket = UUID.randomUUID().toString();
        WebSocketClient client = WebSocketClient.connect(URI.create(runtime.webSocketUrl().orElseThrow() + "?ticket=" + ticket), Map.of());
        long opened = System.nanoTime();
        String id = connectionIdOf(ticket);

        WebSocketClient.Closed closed = client.awaitClose(IDLE.multipliedBy(5));
        assertThat(closed.statusCode()).isEqualTo(1001);
        assertThat(Duration.ofNanos(System.nanoTime() - opened)).isGreaterThanOrEqualTo(IDLE.minusMillis(200));
        JsonNode context = events.await(WebSocketEventLog.of("DISCONNECT", id)).at("/event/requestContext");
        assertThat(context.get("disconnectStatusCode").asInt()).isEqualTo(1001);
        assertThat(context.get("disconnectReason").asText()).isNotBlank();
    }

    @Test
    void closesAnActiveConnectionAtTheMaximumDuration() throws Exception {
        String ticket = UUID.randomUUID().toString();
        WebSocketClient client = WebSocketClient.connect(URI.create(runtime.webSocketUrl().orElseThrow() + "?ticket=" + ticket), Map.of());
        long opened = System.nanoTime();
        String id = connectionIdOf(ticket);
        while (!client.closed.isDone() && System.nanoTime() - opened < MAX_DURATION.multipliedBy(3).toNanos()) {
            client.socket.sendPing(ByteBuffer.allocate(0));  // keeps it from going idle
            Thread.sleep(500);
        }

        assertThat(client.awaitClose(Duration.ofSeconds(1))).isEqualTo(new WebSocketClient.Closed(1001, "Going away"));
        assertThat(Duration.ofNanos(System.nanoTime() - opened)).isGreaterThanOrEqualTo(MAX_DURATION.minusMillis(200));
        JsonNode context = events.await(WebSocketEventLog.of("DISCONNECT", id)).at("/event/requestContext");
        assertThat(context.get("disconnectStatusCode").asInt()).isEqualTo(1001);
        assertThat(context.get("disconnectReason").asText()).isEqualTo("Going away");
    }

    private String connectionIdOf(String ticket) throws Exception {
        return events.await(entry -> entry.at("/event/queryStringParameters/ticket").asText().equals(ticket))
                .at("/event/requestContext/connectionId").asText();
    }
}
