package com.todoapi.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * API Gateway's WebSocket management API ({@code @connections}) on loopback, for tests of the
 * functions that push: {@code POST /{stage}/@connections/{id}} (the message body),
 * {@code DELETE} (close) and {@code GET}, as the SDK's {@code apigatewaymanagementapi} client calls
 * them (REST-JSON; an error is its status with {@code x-amzn-ErrorType}: 410 {@code GoneException},
 * 429 {@code LimitExceededException}). A connection behaves as the test says ({@link Behaviour});
 * one it never named is gone. Every message posted is kept, by connection, in order.
 */
public final class FakeConnectionsApi implements AutoCloseable {
    public static final String STAGE = "live";

    /** How a connection answers a post. */
    public enum Behaviour { OPEN, GONE, THROTTLED, FAILING, SLOW }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final Map<String, Behaviour> connections = new ConcurrentHashMap<>();
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final List<String> closed = new CopyOnWriteArrayList<>();
    private volatile Duration slowness = Duration.ofSeconds(3);

    private FakeConnectionsApi(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    public static FakeConnectionsApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService handlers = Executors.newCachedThreadPool();
            FakeConnectionsApi api = new FakeConnectionsApi(server, handlers);
            server.createContext("/" + STAGE + "/@connections/", api::handle);
            server.setExecutor(handlers);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a function's {@code REALTIME_ENDPOINT} is set to: the stage's URL. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + STAGE);
    }

    public FakeConnectionsApi connection(String connectionId, Behaviour behaviour) {
        connections.put(connectionId, behaviour);
        return this;
    }

    public FakeConnectionsApi slowness(Duration delay) {
        this.slowness = delay;
        return this;
    }

    /** The messages posted to a connection that took them, in order. */
    public List<String> received(String connectionId) {
        return List.copyOf(received.getOrDefault(connectionId, List.of()));
    }

    /** The connections closed with DELETE, in order. */
    public List<String> closed() {
        return List.copyOf(closed);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring(("/" + STAGE + "/@connections/").length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            Behaviour behaviour = connections.getOrDefault(id, Behaviour.GONE);
            switch (exchange.getRequestMethod()) {
                case "POST" -> {
                    switch (behaviour) {
                        case OPEN -> {
                            received.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
                                    .add(new String(body, StandardCharsets.UTF_8));
                            answer(exchange, 200, null);
                        }
                        case GONE -> answer(exchange, 410, "GoneException");
                        case THROTTLED -> answer(exchange, 429, "LimitExceededException");
                        case FAILING -> answer(exchange, 500, "InternalServerErrorException");
                        case SLOW -> {
                            sleep(slowness);
                            answer(exchange, 200, null);
                        }
                    }
                }
                case "DELETE" -> {
                    if (behaviour == Behaviour.GONE) {
                        answer(exchange, 410, "GoneException");
                    } else {
                        closed.add(id);
                        connections.put(id, Behaviour.GONE);
                        answer(exchange, 204, null);
                    }
                }
                case "GET" -> answer(exchange, behaviour == Behaviour.GONE ? 410 : 200,
                        behaviour == Behaviour.GONE ? "GoneException" : null);
                default -> answer(exchange, 405, "MethodNotAllowed");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String errorType) throws IOException {
        byte[] body = errorType == null ? new byte[0] : "{\"message\":null}".getBytes(StandardCharsets.UTF_8);
        if (errorType != null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
