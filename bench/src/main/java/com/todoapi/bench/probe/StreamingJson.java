package com.todoapi.bench.probe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Jackson's streaming parser and generator (jackson-core only), every field read and written by hand. */
public final class StreamingJson extends JsonRoundTrip {
    private final JsonFactory factory = new JsonFactory();

    @Override
    protected ApiEvent readEvent(InputStream input) throws IOException {
        String routeKey = null;
        String rawPath = null;
        Map<String, String> headers = null;
        Map<String, String> pathParameters = null;
        String body = null;
        try (JsonParser parser = factory.createParser(input)) {
            expect(parser, JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "routeKey" -> routeKey = parser.getValueAsString();
                    case "rawPath" -> rawPath = parser.getValueAsString();
                    case "headers" -> headers = strings(parser);
                    case "pathParameters" -> pathParameters = strings(parser);
                    case "body" -> body = parser.getValueAsString();
                    default -> parser.skipChildren();
                }
            }
        }
        return new ApiEvent(routeKey, rawPath, headers, pathParameters, body);
    }

    @Override
    protected NewTaskBody readNewTask(String json) throws IOException {
        String title = null;
        String description = null;
        try (JsonParser parser = factory.createParser(json)) {
            expect(parser, JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "title" -> title = parser.getValueAsString();
                    case "description" -> description = parser.getValueAsString();
                    default -> parser.skipChildren();
                }
            }
        }
        return new NewTaskBody(title, description);
    }

    @Override
    protected String writeTask(TaskAnswer task) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = factory.createGenerator(text)) {
            generator.writeStartObject();
            generator.writeNumberField("id", task.id());
            generator.writeStringField("title", task.title());
            generator.writeStringField("description", task.description());
            generator.writeBooleanField("completed", task.completed());
            generator.writeStringField("created_at", task.createdAt());
            generator.writeStringField("updated_at", task.updatedAt());
            generator.writeNumberField("version", task.version());
            generator.writeEndObject();
        }
        return text.toString();
    }

    @Override
    protected void writeResponse(ApiResponse response, OutputStream output) throws IOException {
        try (JsonGenerator generator = factory.createGenerator(output)) {
            generator.writeStartObject();
            generator.writeNumberField("statusCode", response.statusCode());
            generator.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                generator.writeStringField(header.getKey(), header.getValue());
            }
            generator.writeEndObject();
            generator.writeStringField("body", response.body());
            generator.writeEndObject();
        }
    }

    /** A JSON object of strings (or null), the parser on its opening token. */
    private static Map<String, String> strings(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expectCurrent(parser, JsonToken.START_OBJECT);
        Map<String, String> values = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            values.put(name, parser.getValueAsString());
        }
        return values;
    }

    private static void expect(JsonParser parser, JsonToken token) throws IOException {
        parser.nextToken();
        expectCurrent(parser, token);
    }

    private static void expectCurrent(JsonParser parser, JsonToken token) throws IOException {
        if (parser.currentToken() != token) {
            throw new IllegalStateException("Expected " + token + " but found " + parser.currentToken());
        }
    }
}
