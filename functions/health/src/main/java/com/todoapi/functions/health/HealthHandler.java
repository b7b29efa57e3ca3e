package com.todoapi.functions.health;

import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.lambda.Exchange;
import com.todoapi.lambda.HttpFunction;
import com.todoapi.wiring.Services;

/** {@code GET /health}: no token; 200 when the table and the queue answer, 503 naming what does not. */
public final class HealthHandler extends HttpFunction {
    private final HealthCheck health;

    public HealthHandler() {
        this(new HealthCheck(Services.healthProbes()));
    }

    HealthHandler(HealthCheck health) {
        this.health = health;
    }

    @Override
    protected HttpResponse handle(Exchange exchange) {
        HealthReport report = health.run();
        return Responses.json(report.healthy() ? 200 : 503, report.body(exchange.requestId()));
    }
}
