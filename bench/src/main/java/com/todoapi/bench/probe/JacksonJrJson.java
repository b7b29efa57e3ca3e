package com.todoapi.bench.probe;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * jackson-jr: records read and written by their component names. It has no naming strategy
 * (and its annotation support is not served here), so the snake_case task is composed field by field.
 */
public final class JacksonJrJson extends JsonRoundTrip {
    private final JSON json = JSON.std;

    @Override
    protected ApiEvent readEvent(InputStream input) throws IOException {
        return json.beanFrom(ApiEvent.class, input);
    }

    @Override
    protected NewTaskBody readNewTask(String text) throws IOException {
        return json.beanFrom(NewTaskBody.class, text);
    }

    @Override
    protected String writeTask(TaskAnswer task) throws IOException {
        return json.composeString().startObject()
                .put("id", task.id())
                .put("title", task.title())
                .put("description", task.description())
                .put("completed", task.completed())
                .put("created_at", task.createdAt())
                .put("updated_at", task.updatedAt())
                .put("version", task.version())
                .end()
                .finish();
    }

    @Override
    protected void writeResponse(ApiResponse response, OutputStream output) throws IOException {
        json.write(response, output);
    }
}
