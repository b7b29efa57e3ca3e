package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.testing.AsyncApiContract;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * asyncapi.yaml lists every live event and the client's ping, its examples match their own
 * schemas, and the checker catches an event that breaks them. The events the end-to-end tests
 * receive are checked against it there; the document itself is validated by the official AsyncAPI
 * parser in CI ({@code .ci/asyncapi/check}).
 */
@Tag("architecture")
class AsyncApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AsyncApiContract contract = AsyncApiContract.ofRepository();

    @Test
    void everyEventOfTheProtocolIsInTheDocument() {
        assertThat(contract.messageNames()).containsExactlyInAnyOrder("task.changed", "reply.delta", "reply.tool",
                "reply.completed", "reply.failed", "reminder", "pong", "error", "ping");
    }

    @Test
    void everyExampleMatchesItsSchema() {
        assertThat(contract.exampleViolations()).isEmpty();
    }

    @Test
    void anEventThatBreaksItsSchemaIsCaught() throws Exception {
        assertThat(contract.violations(json("{\"type\":\"pong\"}"))).isEmpty();
        assertThat(contract.violations(json("{\"type\":\"task.changed\",\"task\":{\"id\":5,\"deleted\":true}}"))).isEmpty();
        assertThat(contract.violations(json("{\"type\":\"pong\",\"extra\":1}"))).isNotEmpty();
        assertThat(contract.violations(json("{\"type\":\"task.changed\",\"task\":{\"id\":5}}")))
                .as("a task without its fields").isNotEmpty();
        assertThat(contract.violations(json("{\"type\":\"task.changed\",\"task\":{\"id\":5,\"title\":\"x\","
                + "\"description\":\"\",\"completed\":false,\"created_at\":\"2026-11-22T10:15:30.123Z\","
                + "\"updated_at\":\"2026-11-22T10:15:30.123Z\",\"version\":1,\"due\":null,\"due_at\":null,"
                + "\"priority\":\"none\",\"labels\":[],\"recurrence\":null,\"remind_at\":null,\"remind_instant\":null,"
                + "\"reminded_at\":null,\"colour\":\"red\"}}")))
                .as("a field openapi.yaml's Task does not have").isNotEmpty();
        assertThat(contract.violations(json("{\"type\":\"reply.delta\",\"conversation_id\":1,\"reply_id\":\"2\","
                + "\"attempt\":0,\"seq\":1,\"text\":\"hi\"}"))).as("attempt 0").isNotEmpty();
        assertThat(contract.violations(json("{\"type\":\"surprise\"}"))).isNotEmpty();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
