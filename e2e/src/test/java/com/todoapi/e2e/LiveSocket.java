package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.testing.AsyncApiContract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live connection opened with the JDK's own WebSocket client: every text message it receives is
 * kept in order, and checked against asyncapi.yaml as it arrives.
 */
final class LiveSocket implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AsyncApiContract PROTOCOL = AsyncApiContract.ofRepository();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received;
    private final CompletableFuture<Integer> closed;

    private LiveSocket(WebSocket socket, BlockingQueue<JsonNode> received, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.received = received;
        this.closed = closed;
    }

    /** Opens a connection, or gives the status of the refused upgrade. */
    static Opened open(URI uri, Map<String, String> headers) {
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        try {
            WebSocket socket = builder.buildAsync(uri, new Collector(received, closed)).join();
            return new Opened(Optional.of(new LiveSocket(socket, received, closed)), 101);
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof WebSocketHandshakeException refused) {
                return new Opened(Optional.empty(), refused.getResponse().statusCode());
            }
            throw failed;
        }
    }

    record Opened(Optional<LiveSocket> socket, int status) {
        LiveSocket get() {
            assertThat(status).as("the upgrade's status").isEqualTo(101);
            return socket.orElseThrow();
        }
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message within {@code wait}, or nothing. */
    Optional<JsonNode> next(Duration wait) {
        try {
            return Optional.ofNullable(received.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The next message of {@code type}, skipping others; fails after {@code wait}. */
    JsonNode nextOfType(String type, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<JsonNode> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> message = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (message.isPresent() && message.get().path("type").asText().equals(type)) {
                return message.get();
            }
            message.ifPresent(skipped::add);
        }
        throw new AssertionError("no " + type + " within " + wait + "; got " + skipped);
    }

    /** The close code the server closed with, once it has. */
    Optional<Integer> closedWith(Duration wait) {
        try {
            return Optional.of(closed.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception notYet) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }

    private record Collector(BlockingQueue<JsonNode> received, CompletableFuture<Integer> closed) implements WebSocket.Listener {
        private static final ThreadLocal<StringBuilder> PARTS = ThreadLocal.withInitial(StringBuilder::new);

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            StringBuilder text = PARTS.get().append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    assertThat(PROTOCOL.violations(message)).as("asyncapi.yaml").isEmpty();
                    received.add(message);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    text.setLength(0);
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }
    }
}
