package com.todoapi.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.todoapi.json.Json;
import com.todoapi.log.RequestLog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The pipeline every WebSocket route function shares: read the event, run the route, answer
 * {@code {"statusCode": N}} (on {@code $connect} a status other than 2xx refuses the connection),
 * log one line. A route that throws answers 500, which on {@code $connect} refuses too.
 */
public abstract class WebSocketFunction implements RequestStreamHandler {
    private final Priming priming = Priming.register(this::prime);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        WebSocketEvent event = Json.MAPPER.readValue(input, WebSocketEvent.class);
        int status;
        try {
            status = handle(event);
        } catch (RuntimeException failure) {
            RequestLog.work("ERROR", "websocket_route_failed", Map.of("route", String.valueOf(event.requestContext().routeKey())),
                    failure);
            status = 500;
        }
        Json.MAPPER.writeValue(output, Map.of("statusCode", status));
        String requestId = event.requestContext().requestId() == null ? "" : event.requestContext().requestId();
        RequestLog.work(status < 300 ? "INFO" : "WARN", "websocket_route", Map.of("request_id", requestId,
                "route", String.valueOf(event.requestContext().routeKey()), "status", status,
                "latency_ms", (System.nanoTime() - started) / 1_000_000), null);
    }

    /** The route: the status to answer. */
    protected abstract int handle(WebSocketEvent event);

    /** A synthetic event through the whole pipeline, read-only: it names a connection nobody has. */
    protected void prime() {
        try {
            handleRequest(new ByteArrayInputStream(primingEvent().getBytes(StandardCharsets.UTF_8)),
                    OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event {@link #prime()} sends; each route gives one its hot path reads without writing. */
    protected abstract String primingEvent();

    public final Priming priming() {
        return priming;
    }
}
