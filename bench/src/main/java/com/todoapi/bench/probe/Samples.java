package com.todoapi.bench.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The harness's side of the probes: the task it seeds, the events it sends, and the answers the
 * probes must give, written out here rather than derived from the probes' code.
 */
public final class Samples {
    public static final long SEEDED_TASK_ID = 1;
    /** The body the JSON probes' create event carries. */
    public static final String NEW_TASK_BODY = "{\"title\":\"Buy milk\",\"description\":\"2 litres\"}";

    private static final String USER = "bench-probe";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An event and the answer it must get, compared as JSON (a "body" holding JSON is compared as JSON
     * too), through {@code compared}: the part of an answer that must match (all of it but for the MCP probes).
     */
    public record Sample(byte[] event, String answer, UnaryOperator<JsonNode> compared) {
        public Sample(byte[] event, String answer) {
            this(event, answer, UnaryOperator.identity());
        }

        public boolean answeredBy(byte[] payload) {
            try {
                return compared.apply(parsed(JSON.readTree(payload))).equals(compared.apply(parsed(JSON.readTree(answer))));
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        private static JsonNode parsed(JsonNode node) throws IOException {
            if (node instanceof ObjectNode object && object.path("body").isTextual()) {
                object.set("body", JSON.readTree(object.get("body").asText()));
            }
            return node;
        }
    }

    private Samples() {
    }

    /** The task as the project stores it (see TaskItem and Keys). */
    public static Map<String, AttributeValue> seededItem() {
        String partition = "USER#" + USER;
        String sort = "TASK#000000000001";
        return Map.ofEntries(
                Map.entry("pk", AttributeValue.fromS(partition)),
                Map.entry("sk", AttributeValue.fromS(sort)),
                Map.entry("gsi1pk", AttributeValue.fromS(partition + "#TASKS#pending")),
                Map.entry("gsi1sk", AttributeValue.fromS(sort)),
                Map.entry("task_id", AttributeValue.fromN("1")),
                Map.entry("title", AttributeValue.fromS("Buy milk")),
                Map.entry("description", AttributeValue.fromS("2 litres")),
                Map.entry("completed", AttributeValue.fromBool(false)),
                Map.entry("created_at", AttributeValue.fromS("2026-11-22T10:15:30.123Z")),
                Map.entry("updated_at", AttributeValue.fromS("2026-11-22T11:00:00Z")),
                Map.entry("version", AttributeValue.fromN("2")));
    }

    /** A GetItem probe asked for task {@code taskId}; only the seeded one answers. */
    public static Sample getTask(long taskId) {
        String event = "{\"user_id\":\"" + USER + "\",\"task_id\":" + taskId + "}";
        return new Sample(event.getBytes(StandardCharsets.UTF_8), """
                {"id":1,"title":"Buy milk","description":"2 litres","completed":false,
                 "created_at":"2026-11-22T10:15:30.123Z","updated_at":"2026-11-22T11:00:00.000Z","version":2}""");
    }

    /**
     * An MCP probe sent {@code event}, a tools/list: the five tools with their schemas, as written in
     * samples/mcp-tools-list-answer.json, in a 200. Headers are not compared: the whole function
     * adds its own (request id, rate limit), the probes only a content type.
     */
    public static Sample toolsList(byte[] event) throws IOException {
        String answer;
        try (InputStream in = Samples.class.getResourceAsStream("/samples/mcp-tools-list-answer.json")) {
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Sample(event, answer, node -> {
            ObjectNode kept = JSON.createObjectNode();
            kept.set("statusCode", node.get("statusCode"));
            kept.set("body", node.get("body"));
            return kept;
        });
    }

    /** A JSON probe sent {@code event}, the create sample with NEW_TASK_BODY as its body. */
    public static Sample createTask(byte[] event) {
        ObjectNode response = JSON.createObjectNode().put("statusCode", 200);
        response.putObject("headers").put("content-type", "application/json");
        response.put("body", """
                {"id":1,"title":"Buy milk","description":"2 litres","completed":false,
                 "created_at":"2026-11-22T10:15:30.123Z","updated_at":"2026-11-22T10:15:30.123Z","version":1}""");
        return new Sample(event, response.toString());
    }
}
