package com.todoapi.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.todoapi.http.HttpRequest;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.RequestIds;
import com.todoapi.json.Json;
import com.todoapi.log.RequestLog;
import com.todoapi.metrics.Metric;
import com.todoapi.metrics.MetricsLog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The request pipeline every HTTP function shares: read the API Gateway event, choose the
 * request id, run the route, turn failures into the error shape, add the common headers,
 * log one line and print what it counted. Subclasses implement {@link #handle} and nothing else.
 */
public abstract class HttpFunction implements RequestStreamHandler {
    private final Priming priming = Priming.register(this::prime);
    private final MetricsLog metricsLog = MetricsLog.fromEnvironment();

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        HttpRequest request = Json.MAPPER.readValue(input, HttpRequest.class);
        Exchange exchange = new Exchange(request, RequestIds.choose(request), TimeBudget.of(context));
        HttpResponse response;
        try {
            response = handle(exchange);
        } catch (RuntimeException failure) {
            response = Failures.respond(exchange, failure);
        }
        response = response.withHeaders(Map.of(
                "x-request-id", exchange.requestId(),
                "cache-control", "no-store"));
        Json.MAPPER.writeValue(output, response);
        RequestLog.write(exchange.requestId(), request.routeKey(), exchange.userDigest(), response.statusCode(),
                System.nanoTime() - started);
        if ("true".equals(response.headers().get("idempotent-replayed"))) {
            exchange.metrics().count(Metric.IDEMPOTENT_REPLAYS);
        }
        metricsLog.flush(exchange.metrics());
    }

    protected abstract HttpResponse handle(Exchange exchange);

    /** The hot path before a SnapStart snapshot: one synthetic request through the whole pipeline. */
    protected void prime() {
        try {
            handleRequest(new ByteArrayInputStream(PrimingEvents.apiRequest()), OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public final Priming priming() {
        return priming;
    }
}
