package com.todoapi.functions.health;

import com.todoapi.aws.AwsClients;
import com.todoapi.config.Env;
import com.todoapi.http.Exchange;
import com.todoapi.http.HttpFunction;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;

import java.util.List;

/** {@code GET /health}: no token; 200 when the table and the queue answer, 503 naming what does not. */
public final class HealthHandler extends HttpFunction {
    private final HealthCheck health;

    public HealthHandler() {
        this(Env.system());
    }

    HealthHandler(Env env) {
        this(new HealthCheck(List.of(
                new TableProbe(AwsClients.dynamoDb(), env.require("TABLE_NAME")),
                new QueueProbe(AwsClients.sqs(), env.require("CHAT_QUEUE_URL")))));
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
