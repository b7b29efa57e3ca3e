package com.todoapi.functions.health;

import com.todoapi.aws.dynamodb.TableProbe;
import com.todoapi.aws.sqs.QueueProbe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.RepoFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The health function against a real DynamoDB and SQS with the template's table and queue. */
@ExtendWith(AwsBackendExtension.class)
class HealthHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answers200WhenTheTableAndTheQueueAnswer(AwsBackend aws) throws Exception {
        JsonNode response = invoke(handler(aws, aws.tableName(), chatQueue(aws)), sampleEvent());

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.at("/headers/x-request-id").asText()).isEqualTo("sample-health-0001");
        assertThat(response.at("/headers/cache-control").asText()).isEqualTo("no-store");
        assertThat(response.at("/headers/content-type").asText()).isEqualTo("application/json; charset=utf-8");
        assertThat(JSON.readTree(response.get("body").asText()))
                .isEqualTo(JSON.readTree("{\"status\":\"ok\",\"checks\":{\"dynamodb\":\"ok\",\"sqs\":\"ok\"}}"));
    }

    @Test
    void answers503NamingTheQueueWhenItDoesNotAnswer(AwsBackend aws) throws Exception {
        String missingQueue = chatQueue(aws).replaceAll("[^/]+$", "no-such-queue");
        JsonNode response = invoke(handler(aws, aws.tableName(), missingQueue), sampleEvent());

        assertThat(response.get("statusCode").asInt()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.get("body").asText());
        assertThat(body.at("/checks/dynamodb").asText()).isEqualTo("ok");
        assertThat(body.at("/checks/sqs").asText()).isEqualTo("unavailable");
        assertThat(body.at("/error/code").asText()).isEqualTo("unavailable");
        assertThat(body.at("/error/message").asText()).isEqualTo("sqs is not answering");
        assertThat(body.at("/error/request_id").asText()).isEqualTo("sample-health-0001");
    }

    @Test
    void answers503NamingBothWhenNeitherAnswers(AwsBackend aws) throws Exception {
        JsonNode response = invoke(handler(aws, "NoSuchTable", chatQueue(aws) + "-gone"), sampleEvent());

        JsonNode body = JSON.readTree(response.get("body").asText());
        assertThat(response.get("statusCode").asInt()).isEqualTo(503);
        assertThat(body.at("/error/message").asText()).isEqualTo("dynamodb and sqs are not answering");
    }

    @Test
    void makesANewRequestIdWhenTheCallersIsNotSane(AwsBackend aws) throws Exception {
        ObjectNode event = sampleEvent();
        ((ObjectNode) event.get("headers")).put("x-request-id", "bad id\r\ninjected");
        JsonNode response = invoke(handler(aws, aws.tableName(), chatQueue(aws)), event);

        assertThat(response.at("/headers/x-request-id").asText())
                .isEqualTo("sample-health-0001")
                .as("falls back to API Gateway's own request id");
    }

    private static HealthHandler handler(AwsBackend aws, String table, String queueUrl) {
        return new HealthHandler(new HealthCheck(List.of(
                new TableProbe(aws.aws().dynamoDb(), table),
                new QueueProbe(aws.aws().sqs(), queueUrl))));
    }

    private static String chatQueue(AwsBackend aws) {
        return aws.resources().queue("ChatQueue").url();
    }

    private static ObjectNode sampleEvent() throws Exception {
        return (ObjectNode) JSON.readTree(Files.readString(RepoFiles.root().resolve("events/health.json")));
    }

    private static JsonNode invoke(HealthHandler handler, JsonNode event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toByteArray());
    }
}
