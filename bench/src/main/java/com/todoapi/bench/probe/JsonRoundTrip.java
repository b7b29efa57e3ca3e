package com.todoapi.bench.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * A probe that does a create's JSON work and nothing else: reads the API Gateway event, then the
 * task in its body, and answers with the task created from it inside an API Gateway response.
 * Its variants differ only in how JSON is read and written; one that reads fields as missing throws.
 */
public abstract class JsonRoundTrip implements RequestStreamHandler {
    private static final String CREATED_AT = "2026-11-22T10:15:30.123Z";
    private static final Map<String, String> HEADERS = Map.of("content-type", "application/json");

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ApiEvent event = readEvent(input);
        if (event.routeKey() == null || event.rawPath() == null || event.headers() == null
                || event.headers().isEmpty() || event.body() == null) {
            throw new IllegalStateException("The event was read incompletely: " + event);
        }
        NewTaskBody body = readNewTask(event.body());
        if (body.title() == null || body.description() == null) {
            throw new IllegalStateException("The body was read incompletely: " + body);
        }
        TaskAnswer task = new TaskAnswer(1, body.title(), body.description(), false, CREATED_AT, CREATED_AT, 1);
        writeResponse(new ApiResponse(200, HEADERS, writeTask(task)), output);
    }

    protected abstract ApiEvent readEvent(InputStream input) throws IOException;

    protected abstract NewTaskBody readNewTask(String json) throws IOException;

    /** The task's JSON with the API's snake_case names. */
    protected abstract String writeTask(TaskAnswer task) throws IOException;

    protected abstract void writeResponse(ApiResponse response, OutputStream output) throws IOException;
}
