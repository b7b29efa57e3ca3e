package com.todoapi.local.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Lambda Runtime API (2018-06-01) for one function instance, on its own loopback port:
 * the runtime interface client long-polls {@code /next} for an event and posts the response or
 * error back. One instance, one event at a time, exactly as in Lambda.
 */
final class RuntimeApi implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final LinkedBlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final AtomicReference<Invocation> current = new AtomicReference<>();
    private final String functionArn;
    /** Completed when the runtime first asks for work: initialisation is over. */
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile String initError;

    RuntimeApi(String functionArn) throws IOException {
        this.functionArn = functionArn;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext(BASE, this::route);
        server.setExecutor(executor);
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues the event for the runtime's next {@code /next} call. */
    void offer(Invocation invocation) {
        pending.add(invocation);
    }

    /** The process is gone: whatever it was running failed with it. */
    void processExited(int exitCode) {
        String reason = initError != null ? "initialisation failed: " + initError
                : "the function process exited with code " + exitCode;
        ready.completeExceptionally(new IllegalStateException(reason));
        Invocation running = current.getAndSet(null);
        if (running != null) {
            running.result.complete(new InvocationResult.Failed(reason));
        }
        for (Invocation waiting = pending.poll(); waiting != null; waiting = pending.poll()) {
            waiting.delivered.completeExceptionally(new IllegalStateException(reason));
            waiting.result.complete(new InvocationResult.Failed(reason));
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(BASE.length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
                finish(exchange, path, new InvocationResult.Success(body));
            } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
                String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
                finish(exchange, path, new InvocationResult.FunctionError(type == null ? "Unhandled" : type,
                        new String(body, StandardCharsets.UTF_8)));
            } else if (path.equals("init/error")) {
                initError = new String(body, StandardCharsets.UTF_8);
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                send(exchange, 404, "{\"errorMessage\":\"unknown runtime API path\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        ready.complete(null);
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long deadline = System.currentTimeMillis() + invocation.timeoutMillis;
        current.set(invocation);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(deadline / 1000) + "-local;Sampled=0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, invocation.payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(invocation.payload);
        }
        invocation.delivered.complete(deadline);
    }

    private void finish(HttpExchange exchange, String path, InvocationResult result) throws IOException {
        String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
        Invocation running = current.get();
        if (running == null || !running.requestId.equals(requestId)) {
            send(exchange, 400, "{\"errorMessage\":\"no invocation " + requestId + " is running\"}");
            return;
        }
        current.compareAndSet(running, null);
        send(exchange, 202, "{\"status\":\"OK\"}");
        running.result.complete(result);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
