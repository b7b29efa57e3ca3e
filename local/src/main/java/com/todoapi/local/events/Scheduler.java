package com.todoapi.local.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.local.emulator.LocalAws;
import com.todoapi.local.lambda.FunctionPool;
import com.todoapi.local.lambda.InvocationResult;
import com.todoapi.local.template.ScheduleSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Fires a function on its EventBridge schedule with a "Scheduled Event", or the template's {@code Input}. */
public final class Scheduler implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("scheduler").factory());
    private final Consumer<String> log;

    public Scheduler(Consumer<String> log) {
        this.log = log;
    }

    public void schedule(ScheduleSource source, FunctionPool pool) {
        if (!source.enabled()) {
            return;
        }
        ScheduleExpression expression = ScheduleExpression.parse(source.expression());
        scheduleNext(source, expression, pool, ZonedDateTime.now(ZoneOffset.UTC));
    }

    private void scheduleNext(ScheduleSource source, ScheduleExpression expression, FunctionPool pool, ZonedDateTime after) {
        ZonedDateTime next = expression.next(after);
        long delay = Math.max(0, Duration.between(ZonedDateTime.now(ZoneOffset.UTC), next).toMillis());
        timer.schedule(() -> {
            Thread.ofVirtual().start(() -> fire(source, pool, next));
            scheduleNext(source, expression, pool, next);
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void fire(ScheduleSource source, FunctionPool pool, ZonedDateTime time) {
        InvocationResult result = pool.invoke(event(source, time));
        if (!result.succeeded()) {
            log.accept("[schedule " + source.name() + "] failed: " + result);
        }
    }

    static byte[] event(ScheduleSource source, ZonedDateTime time) {
        if (source.input() != null) {
            return source.input().getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", LocalAws.ACCOUNT);
        event.put("time", time.withNano(0).toInstant().toString());
        event.put("region", LocalAws.REGION);
        event.putArray("resources").add("arn:aws:events:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT + ":rule/" + source.name());
        event.putObject("detail");
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
