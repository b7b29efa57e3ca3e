package com.todoapi.bench.probe;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The JSON work done by a Jackson databind ObjectMapper, as the project does it. */
public abstract class MapperJson extends JsonRoundTrip {
    private final ObjectMapper mapper;

    protected MapperJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected ApiEvent readEvent(InputStream input) throws IOException {
        return mapper.readValue(input, ApiEvent.class);
    }

    @Override
    protected NewTaskBody readNewTask(String json) throws IOException {
        return mapper.readValue(json, NewTaskBody.class);
    }

    @Override
    protected String writeTask(TaskAnswer task) throws IOException {
        return mapper.writeValueAsString(task);
    }

    @Override
    protected void writeResponse(ApiResponse response, OutputStream output) throws IOException {
        mapper.writeValue(output, response);
    }
}
