package com.todoapi.local.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.local.emulator.Ports;
import com.todoapi.local.lambda.FunctionPool;
import com.todoapi.local.lambda.InvocationResult;
import com.todoapi.local.template.WebSocketApiSpec;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The local stand-in for an API Gateway WebSocket API, on its own port: clients connect to
 * {@code ws://127.0.0.1:PORT/STAGE} (AWS: {@code wss://API_ID.execute-api.REGION.amazonaws.com/STAGE}),
 * and the functions reach the {@code @connections} API at {@code http://127.0.0.1:PORT/STAGE}, the
 * same host and path as in AWS, so the SDK client built from the endpoint in their environment
 * works unchanged ({@link ManagementEndpoint}).
 *
 * <p>As API Gateway does (developer guide, "Overview of WebSocket APIs in API Gateway"): the
 * upgrade waits for the {@code $connect} function, and a non-2xx answer (or a failure) refuses it
 * with that status, so no connection exists; each message goes to the route its body selects, or
 * {@code $default}, and the function's answer comes back only on a route with a route response;
 * a closed connection is reported to {@code $disconnect} with its close code and reason.
 */
public final class WebSocketGateway implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONNECT = "$connect";
    private static final String DISCONNECT = "$disconnect";
    private static final String DEFAULT = "$default";

    private final WebSocketApiSpec api;
    private final Function<String, FunctionPool> functions;
    private final WebSocketLimits limits;
    private final Consumer<String> log;
    private final RouteSelection routeSelection;
    private final Connections connections = new Connections();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ws-max-duration").daemon().factory());
    private final Map<String, ScheduledFuture<?>> maxDurationTimers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Server server;
    private final WebSocketEvents events;

    /**
     * @param functions the template's functions by logical id; looked up per event, so the gateway can
     *                  start (and its URL go into the functions' environment) before the functions exist
     */
    public WebSocketGateway(int port, WebSocketApiSpec api, Function<String, FunctionPool> functions, WebSocketLimits limits,
                            Consumer<String> log) {
        this.api = api;
        this.functions = functions;
        this.limits = limits;
        this.log = log;
        this.routeSelection = new RouteSelection(api.routeSelectionExpression());
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("ws-gateway");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(limits.idleTimeout());
            container.setMaxFrameSize(limits.maxFrameBytes());
            container.setMaxTextMessageSize(limits.maxMessageBytes());
            container.setMaxBinaryMessageSize(limits.maxMessageBytes());
            container.setAutoFragment(false);
            container.addMapping("/" + api.stageName(), this::upgrade);
        });
        upgrades.setHandler(new ManagementEndpoint(api.stageName(), connections, limits.maxMessageBytes(), log));
        server.setHandler(upgrades);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new Ports.PortInUseException("Port " + port + " (the WebSocket API) is already in use: is another local "
                        + "runtime running? Stop it, or choose another port with --ws-port.");
            }
            throw new IllegalStateException("Cannot start the WebSocket API on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        this.events = new WebSocketEvents(new WebSocketEvents.Api(api.logicalId().toLowerCase(java.util.Locale.ROOT),
                api.stageName(), "127.0.0.1:" + port()));
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Where clients connect: {@code ws://127.0.0.1:PORT/STAGE}. */
    public URI url() {
        return URI.create("ws://127.0.0.1:" + port() + "/" + api.stageName());
    }

    /** The {@code @connections} endpoint's base, what {@code REALTIME_ENDPOINT}-style variables resolve to locally. */
    public URI managementEndpoint() {
        return URI.create("http://127.0.0.1:" + port() + "/" + api.stageName());
    }

    public WebSocketApiSpec api() {
        return api;
    }

    /** The ids of the connections open now. */
    public List<String> openConnections() {
        return connections.all().stream().filter(Connection::open).map(Connection::id).toList();
    }

    private Object upgrade(ServerUpgradeRequest request, ServerUpgradeResponse response, org.eclipse.jetty.util.Callback callback) {
        Instant now = Instant.now();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (HttpField field : request.getHeaders()) {
            headers.add(Map.entry(field.getName(), field.getValue()));
        }
        String sourceIp = Request.getRemoteAddr(request);
        headers.add(Map.entry("X-Forwarded-For", sourceIp));
        headers.add(Map.entry("X-Forwarded-Port", String.valueOf(port())));
        headers.add(Map.entry("X-Forwarded-Proto", "http"));
        String userAgent = Optional.ofNullable(request.getHeaders().get(HttpHeader.USER_AGENT)).orElse("");
        Connection connection = new Connection(WebSocketEvents.newId(), now, sourceIp, userAgent);
        Optional<WebSocketApiSpec.WebSocketRoute> route = api.route(CONNECT);
        if (route.isPresent()) {
            byte[] event = events.connect(connection, headers, request.getHttpURI().getQuery(), now);
            InvocationResult result = functions.apply(route.get().functionId()).invoke(event);
            int status = result instanceof InvocationResult.Success success ? statusCode(success.payload()) : 500;
            if (status < 200 || status > 299) {
                log.accept(String.format("[ws] CONNECT %s refused by %s -> %d%s", url().getPath(), route.get().functionId(),
                        status, result.succeeded() ? "" : " (" + result + ")"));
                refuse(response, callback, status);
                return null;
            }
        }
        log.accept("[ws] CONNECT " + connection.id() + " from " + sourceIp);
        return new ConnectionListener(this, connection);
    }

    /** The {@code statusCode} of a proxy integration's answer; an answer without one counts as 200. */
    private static int statusCode(byte[] payload) {
        try {
            JsonNode answer = JSON.readTree(payload);
            return answer != null && answer.has("statusCode") ? answer.get("statusCode").asInt() : 200;
        } catch (IOException notJson) {
            return 200;
        }
    }

    private static void refuse(ServerUpgradeResponse response, org.eclipse.jetty.util.Callback callback, int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        String body = status >= 500 ? "{\"message\":\"Internal server error\"}" : "{\"message\":\"Forbidden\"}";
        Content.Sink.write(response, true, body, callback);
    }

    void opened(Connection connection) {
        connections.add(connection);
        maxDurationTimers.put(connection.id(), timers.schedule(
                () -> connection.close(new Connection.ServerClose(1001, "Going away")),
                limits.maxConnectionDuration().toMillis(), TimeUnit.MILLISECONDS));
    }

    void message(Connection connection, String body, boolean base64) {
        Instant now = Instant.now();
        connection.active(now);
        String routeKey = base64 ? DEFAULT : routeSelection.select(body).filter(key -> api.route(key).isPresent()
                && !key.equals(CONNECT) && !key.equals(DISCONNECT)).orElse(DEFAULT);
        Thread.ofVirtual().name("ws-message-" + connection.id()).start(() -> {
            Optional<WebSocketApiSpec.WebSocketRoute> route = api.route(routeKey);
            String requestId = WebSocketEvents.newId();
            if (route.isEmpty()) {
                // No route matched and no $default: API Gateway answers the client itself.
                reply(connection, errorMessage("Forbidden", connection, requestId));
                return;
            }
            InvocationResult result = functions.apply(route.get().functionId())
                    .invoke(events.message(connection, routeKey, body, base64, now));
            log.accept(String.format("[ws] MESSAGE %s %s -> %s", connection.id(), routeKey,
                    result.succeeded() ? "ok" : "failed: " + result));
            if (!(result instanceof InvocationResult.Success success)) {
                reply(connection, errorMessage("Internal server error", connection, requestId));
            } else if (route.get().twoWay()) {
                routeResponse(success.payload()).ifPresent(text -> reply(connection, text));
            }
        });
    }

    /** What API Gateway sends a client when it cannot deliver its message: {@code {"message", "connectionId", "requestId"}}. */
    private static String errorMessage(String message, Connection connection, String requestId) {
        return JSON.createObjectNode().put("message", message).put("connectionId", connection.id())
                .put("requestId", requestId).toString();
    }

    /** A two-way route sends the integration's {@code body} back (a proxy answer without one sends nothing). */
    private static Optional<String> routeResponse(byte[] payload) {
        try {
            JsonNode answer = JSON.readTree(payload);
            if (answer == null || !answer.isObject() || !answer.has("statusCode")) {
                return Optional.of(new String(payload, StandardCharsets.UTF_8));
            }
            JsonNode body = answer.get("body");
            if (body == null || body.isNull()) {
                return Optional.empty();
            }
            String text = body.isTextual() ? body.asText() : body.toString();
            return Optional.of(answer.path("isBase64Encoded").asBoolean(false)
                    ? new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8) : text);
        } catch (IOException notJson) {
            return Optional.of(new String(payload, StandardCharsets.UTF_8));
        }
    }

    private void reply(Connection connection, String text) {
        try {
            connection.send(text);
        } catch (Exception closed) {
            log.accept("[ws] could not answer " + connection.id() + ": " + closed.getMessage());
        }
    }

    void closed(Connection connection, int statusCode, String reason) {
        connections.remove(connection);
        Optional.ofNullable(maxDurationTimers.remove(connection.id())).ifPresent(timer -> timer.cancel(false));
        Connection.ServerClose byGateway = connection.serverClose();
        int code = byGateway != null ? byGateway.statusCode() : statusCode;
        String why = byGateway != null ? byGateway.reason()
                : statusCode == 1005 ? "Client-side close frame status not set" : reason == null ? "" : reason;
        log.accept(String.format("[ws] DISCONNECT %s %d %s", connection.id(), code, why));
        api.route(DISCONNECT).ifPresent(route -> Thread.ofVirtual().name("ws-disconnect-" + connection.id()).start(() -> {
            InvocationResult result = functions.apply(route.functionId()).invoke(events.disconnect(connection, code, why,
                    Instant.now()));
            if (!result.succeeded()) {
                log.accept("[ws] " + route.functionId() + " failed on $disconnect: " + result);
            }
        }));
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // stopping after a failed start
        }
        timers.shutdownNow();
    }

    @Override
    public void close() {
        connections.all().forEach(c -> c.close(new Connection.ServerClose(1001, "Going away")));
        stopQuietly();
    }
}
