package com.todoapi.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.todoapi.local.emulator.Ports;
import com.todoapi.local.lambda.FunctionPool;
import com.todoapi.local.lambda.InvocationResult;
import com.todoapi.local.template.HttpRoute;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The local stand-in for API Gateway: an HTTP server on loopback that routes each request to
 * its function by the template's {@code HttpApi} events, as a payload 2.0 event, applies the
 * HTTP API's CORS configuration as the gateway does ({@link CorsPolicy}), and answers the few
 * {@link LocalRoute}s that exist only locally.
 */
public final class FrontDoor implements AutoCloseable {
    /** API Gateway's own limit on a request body. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final RouteTable routes;
    private final Map<String, FunctionPool> pools;
    private final Consumer<String> accessLog;
    private final CorsPolicy cors;
    private final List<LocalRoute> localRoutes;

    public FrontDoor(int port, List<HttpRoute> routes, Map<String, FunctionPool> pools, Consumer<String> accessLog) {
        this(port, routes, pools, CorsPolicy.NONE, List.of(), accessLog);
    }

    public FrontDoor(int port, List<HttpRoute> routes, Map<String, FunctionPool> pools, CorsPolicy cors,
                     List<LocalRoute> localRoutes, Consumer<String> accessLog) {
        this.routes = new RouteTable(routes);
        this.pools = Map.copyOf(pools);
        this.accessLog = accessLog;
        this.cors = cors;
        this.localRoutes = List.copyOf(localRoutes);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        } catch (BindException e) {
            throw new Ports.PortInUseException("Port " + port + " (the HTTP API) is already in use: is another local runtime "
                    + "running? Stop it, or choose another port with --port.");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serve(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String requestId = Base64.getUrlEncoder().withoutPadding().encodeToString(
                UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)).substring(0, 16);
        int status;
        try (exchange) {
            status = respond(exchange, requestId);
        }
        accessLog.accept(String.format("%s %s -> %d (%d ms)", exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), status, (System.nanoTime() - started) / 1_000_000));
    }

    private int respond(HttpExchange exchange, String requestId) throws IOException {
        exchange.getResponseHeaders().add("apigw-requestid", requestId);
        Optional<String> origin = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Origin"));
        Optional<byte[]> body = readBody(exchange.getRequestBody());
        if (cors.isPreflight(exchange.getRequestMethod(), origin,
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Access-Control-Request-Method")))) {
            cors.preflightHeaders(origin.get()).forEach(exchange.getResponseHeaders()::set);
            return send(exchange, 204, new byte[0]);
        }
        cors.responseHeaders(origin).forEach(exchange.getResponseHeaders()::set);
        if (body.isEmpty()) {
            return send(exchange, 413, "{\"message\":\"Request Entity Too Large\"}");
        }
        URI uri = exchange.getRequestURI();
        for (LocalRoute local : localRoutes) {
            if (local.method().equals(exchange.getRequestMethod()) && local.path().equals(uri.getRawPath())) {
                LocalRoute.Answer answer = local.answer(body.get(), requestId);
                for (int i = 0; i + 1 < answer.headers().length; i += 2) {
                    exchange.getResponseHeaders().set(answer.headers()[i], answer.headers()[i + 1]);
                }
                return send(exchange, answer.status(), answer.json());
            }
        }
        Optional<RouteTable.Match> match = routes.match(exchange.getRequestMethod(), uri.getRawPath());
        if (match.isEmpty()) {
            return send(exchange, 404, "{\"message\":\"Not Found\"}");
        }
        HttpApiEvents.IncomingRequest request = new HttpApiEvents.IncomingRequest(exchange.getRequestMethod(),
                uri.getRawPath(), uri.getRawQuery(), exchange.getRequestHeaders(), body.get(),
                exchange.getRemoteAddress().getAddress().getHostAddress(), requestId);
        FunctionPool pool = pools.get(match.get().route().functionId());
        InvocationResult result = pool.invoke(HttpApiEvents.event(request, match.get(), Instant.now()));
        if (!(result instanceof InvocationResult.Success success)) {
            accessLog.accept("  " + pool.name() + " failed: " + describe(result));
            return send(exchange, 500, "{\"message\":\"Internal Server Error\"}");
        }
        HttpApiEvents.OutgoingResponse response = HttpApiEvents.response(success.payload());
        // With CORS configured the gateway's own CORS headers stand, whatever a function set.
        response.headers().forEach((name, values) -> {
            if (!cors.enabled() || !name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        return send(exchange, response.status(), response.body());
    }

    private static String describe(InvocationResult result) {
        return switch (result) {
            case InvocationResult.FunctionError error -> error.errorType() + " " + error.body();
            case InvocationResult.Failed failed -> failed.reason();
            case InvocationResult.Success ignored -> "ok";
        };
    }

    private static Optional<byte[]> readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(bytes);
    }

    private static int send(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("content-type", "application/json");
        return send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static int send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty = body.length == 0 || status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
