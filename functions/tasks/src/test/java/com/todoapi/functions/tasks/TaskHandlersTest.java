package com.todoapi.functions.tasks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.config.Env;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.FunctionCalls;
import com.todoapi.testing.Tokens;
import com.todoapi.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The task handlers in-process on DynamoDB Local, fed the sample events and variants of them. */
@ExtendWith(AwsBackendExtension.class)
class TaskHandlersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSampleEventsRunInOrderWithTheirLocalToken(AwsBackend aws) throws Exception {
        Services services = services(aws, Map.of());
        String user = Tokens.newUser();

        assertThat(status(invoke(new CreateTaskHandler(services), sample("tasks-create", user)))).isEqualTo(201);
        assertThat(status(invoke(new ListTasksHandler(services), sample("tasks-list", user)))).isEqualTo(200);
        assertThat(status(invoke(new GetTaskHandler(services), sample("tasks-get", user)))).isEqualTo(200);
        assertThat(status(invoke(new UpdateTaskHandler(services), sample("tasks-update", user)))).isEqualTo(200);
        assertThat(status(invoke(new DeleteTaskHandler(services), sample("tasks-delete", user)))).isEqualTo(204);
        assertThat(status(invoke(new GetTaskHandler(services), sample("tasks-get", user)))).isEqualTo(404);
    }

    @Test
    void overTheLimitIs429WithRetryAfter(AwsBackend aws) throws Exception {
        // An hour's window: with the default minute, a window boundary between the requests let the third through.
        GetTaskHandler handler = new GetTaskHandler(services(aws, Map.of("RATE_LIMIT_REQUESTS", "2", "RATE_LIMIT_WINDOW_SECONDS", "3600")));
        String user = Tokens.newUser();
        invoke(handler, sample("tasks-get", user));
        invoke(handler, sample("tasks-get", user));

        JsonNode refused = invoke(handler, sample("tasks-get", user));
        assertThat(status(refused)).isEqualTo(429);
        assertThat(refused.at("/headers/retry-after").asInt()).isBetween(1, 3600);
        assertThat(refused.at("/headers/ratelimit-limit").asText()).isEqualTo("2");
        assertThat(refused.at("/headers/ratelimit-remaining").asText()).isEqualTo("0");
        assertThat(body(refused).at("/error/code").asText()).isEqualTo("rate_limited");
        assertThat(status(invoke(handler, sample("tasks-get", Tokens.newUser())))).as("another user").isEqualTo(404);
    }

    @Test
    void aTableThatDoesNotAnswerIs503InTheErrorShape(AwsBackend aws) throws Exception {
        DynamoDbClient nowhere = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:1"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .build();
        Services services = new Services(new Env(environment(aws, Map.of())), nowhere, Clock.systemUTC());

        JsonNode response = invoke(new CreateTaskHandler(services), sample("tasks-create", Tokens.newUser()));
        assertThat(status(response)).isEqualTo(503);
        assertThat(body(response).at("/error/code").asText()).isEqualTo("unavailable");
        assertThat(body(response).toString()).doesNotContain("Exception", "127.0.0.1", "amazon");
    }

    @Test
    void theLogLineNamesNeitherTheUserNorTheTokenNorTheBody(AwsBackend aws) throws Exception {
        Services services = services(aws, Map.of());
        String user = "log-check-" + UUID.randomUUID();
        ObjectNode event = sample("tasks-create", user);
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            invoke(new CreateTaskHandler(services), event);
        } finally {
            System.setOut(stdout);
        }
        String log = captured.toString(StandardCharsets.UTF_8).strip();
        JsonNode line = JSON.readTree(log);
        assertThat(line.get("route").asText()).isEqualTo("POST /v1/tasks");
        assertThat(line.get("status").asInt()).isEqualTo(201);
        assertThat(line.get("user").asText()).hasSize(16);
        String token = event.at("/headers/authorization").asText().substring("Bearer ".length());
        assertThat(log).doesNotContain(user, token, "Buy groceries", "Milk");
    }

    private static ObjectNode sample(String name, String user) {
        return FunctionCalls.sample(name, user);
    }

    static Services services(AwsBackend aws, Map<String, String> overrides) {
        return new Services(new Env(environment(aws, overrides)), aws.aws().dynamoDb(), Clock.systemUTC());
    }

    private static Map<String, String> environment(AwsBackend aws, Map<String, String> overrides) {
        return FunctionCalls.environment(aws, overrides);
    }

    private static JsonNode invoke(RequestStreamHandler handler, JsonNode event) {
        return FunctionCalls.invoke((in, out) -> handler.handleRequest(in, out, null), event);
    }

    private static int status(JsonNode response) {
        return FunctionCalls.status(response);
    }

    private static JsonNode body(JsonNode response) {
        return FunctionCalls.body(response);
    }
}
