package com.todoapi.local.page;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.todoapi.local.emulator.Ports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the try-it page (plain HTML, CSS and JavaScript from the classpath's {@code try-it/})
 * on a port of its own: a different origin from the API, as a real front end is, so every call
 * it makes goes through CORS. {@code /config.json} tells the page where the API is and, when the
 * template has a WebSocket API, where its live connection goes ({@code "live": "ws://..."}).
 */
public final class TryItPage implements AutoCloseable {
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/app.js", "app.js",
            "/app.css", "app.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final byte[] config;

    public TryItPage(int port, URI api) {
        this(port, api, Optional.empty());
    }

    public TryItPage(int port, URI api, Optional<URI> live) {
        this.config = ("{\"api\":\"" + api.toString().replaceAll("/$", "") + "\""
                + live.map(url -> ",\"live\":\"" + url + "\"").orElse("") + "}").getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (BindException e) {
            throw new Ports.PortInUseException("Port " + port + " (the try-it page) is already in use: choose another "
                    + "with --page-port, or --no-page.");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "Method Not Allowed".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/config.json")) {
                send(exchange, 200, "application/json", config);
            } else if (FILES.containsKey(path)) {
                String file = FILES.get(path);
                try (InputStream in = TryItPage.class.getResourceAsStream("/try-it/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("try-it/" + file + " is missing from the classpath");
                    }
                    send(exchange, 200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), in.readAllBytes());
                }
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "Not Found".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
