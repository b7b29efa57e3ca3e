package com.todoapi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The events the WebSocket fixture function appended to its EVENT_LOG, one JSON line each. */
final class WebSocketEventLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    WebSocketEventLog(Path file) {
        this.file = file;
    }

    List<JsonNode> all() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        return lines;
    }

    /** The first logged entry ({@code {event, endpoint}}) that matches, waiting up to 30 s for it. */
    JsonNode await(Predicate<JsonNode> matching) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (JsonNode entry : all()) {
                if (matching.test(entry)) {
                    return entry;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such event in 30 s; logged: " + all());
    }

    static Predicate<JsonNode> of(String eventType, String connectionId) {
        return entry -> entry.at("/event/requestContext/eventType").asText().equals(eventType)
                && entry.at("/event/requestContext/connectionId").asText().equals(connectionId);
    }
}
