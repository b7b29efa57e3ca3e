package com.todoapi.functions.mcp;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.aws.recording.CallRecorder;
import com.todoapi.config.Env;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.CapacityMeter;
import com.todoapi.testing.FunctionCalls;
import com.todoapi.testing.PrimingCalls;
import com.todoapi.testing.Tokens;
import com.todoapi.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The MCP function and the metadata function in-process on DynamoDB Local, fed the sample events. */
@ExtendWith(AwsBackendExtension.class)
class McpHandlersTest {

    @Test
    void theSampleEventsListTheToolsAndAddATask(AwsBackend aws) {
        McpHandler handler = new McpHandler(services(aws, Map.of()));
        String user = Tokens.newUser();
        JsonNode listed = invoke(handler, FunctionCalls.sample("mcp-tools-list", user));
        assertThat(FunctionCalls.status(listed)).isEqualTo(200);
        assertThat(listed.at("/headers/content-type").asText()).startsWith("application/json");
        assertThat(FunctionCalls.body(listed).at("/result/tools")).hasSize(5);
        assertThat(listed.at("/headers/ratelimit-limit").asText()).isNotEmpty();
        assertThat(listed.at("/headers/mcp-session-id").isMissingNode()).isTrue();

        JsonNode added = invoke(handler, FunctionCalls.sample("mcp-tools-call", user));
        assertThat(FunctionCalls.body(added).at("/result/structuredContent/task_id").asInt()).isEqualTo(1);
    }

    @Test
    void noTokenIs401PointingToTheMetadataAndABadOneSaysInvalidToken(AwsBackend aws) {
        McpHandler handler = new McpHandler(services(aws, Map.of()));
        ObjectNode event = FunctionCalls.sample("mcp-tools-list", Tokens.newUser());
        ((ObjectNode) event.get("headers")).remove("authorization");
        JsonNode refused = invoke(handler, event);
        assertThat(FunctionCalls.status(refused)).isEqualTo(401);
        assertThat(refused.at("/headers/www-authenticate").asText()).isEqualTo(
                "Bearer resource_metadata=\"https://127.0.0.1/.well-known/oauth-protected-resource/mcp\"");
        assertThat(FunctionCalls.body(refused).at("/error/code").asInt()).isEqualTo(-31401);
        assertThat(FunctionCalls.body(refused).get("jsonrpc").asText()).isEqualTo("2.0");

        ((ObjectNode) event.get("headers")).put("authorization", "Bearer not.a.token");
        assertThat(invoke(handler, event).at("/headers/www-authenticate").asText()).endsWith(", error=\"invalid_token\"");
    }

    @Test
    void aConfiguredUrlIsTheResourceInTheChallengeAndTheMetadata(AwsBackend aws) {
        Map<String, String> configured = Map.of("MCP_RESOURCE_URL", "https://todo.example.com/api/mcp");
        ObjectNode event = FunctionCalls.sample("mcp-tools-list", Tokens.newUser());
        ((ObjectNode) event.get("headers")).remove("authorization");
        assertThat(invoke(new McpHandler(services(aws, configured)), event).at("/headers/www-authenticate").asText())
                .contains("resource_metadata=\"https://todo.example.com/.well-known/oauth-protected-resource/api/mcp\"");
        JsonNode metadata = FunctionCalls.body(invoke(metadataHandler(aws, configured), FunctionCalls.sample("mcp-metadata", "x")));
        assertThat(metadata.get("resource").asText()).isEqualTo("https://todo.example.com/api/mcp");
    }

    @Test
    void getAndDeleteAre405AndAForeignOriginIs403(AwsBackend aws) {
        McpHandler handler = new McpHandler(services(aws, Map.of("CORS_ALLOWED_ORIGINS", "https://app.example.com")));
        for (String method : new String[] {"GET", "DELETE"}) {
            ObjectNode event = FunctionCalls.sample("mcp-tools-list", Tokens.newUser());
            ((ObjectNode) event.at("/requestContext/http")).put("method", method);
            event.remove("body");
            JsonNode response = invoke(handler, event);
            assertThat(FunctionCalls.status(response)).as(method).isEqualTo(405);
            assertThat(response.at("/headers/allow").asText()).isEqualTo("POST");
        }
        ObjectNode foreign = FunctionCalls.sample("mcp-tools-list", Tokens.newUser());
        ((ObjectNode) foreign.get("headers")).put("origin", "https://evil.example");
        assertThat(FunctionCalls.status(invoke(handler, foreign))).isEqualTo(403);
        ObjectNode allowed = FunctionCalls.sample("mcp-tools-list", Tokens.newUser());
        ((ObjectNode) allowed.get("headers")).put("origin", "https://app.example.com");
        assertThat(FunctionCalls.status(invoke(handler, allowed))).isEqualTo(200);
        ObjectNode loopback = FunctionCalls.sample("mcp-tools-list", Tokens.newUser());
        ((ObjectNode) loopback.get("headers")).put("origin", "http://localhost:6274");
        assertThat(FunctionCalls.status(invoke(handler, loopback))).as("local mode allows loopback origins").isEqualTo(200);
    }

    @Test
    void overTheRateLimitIs429AsAJsonRpcError(AwsBackend aws) {
        // An hour's window: with the default minute, a window boundary between the two requests let the second through.
        McpHandler handler = new McpHandler(services(aws, Map.of("RATE_LIMIT_REQUESTS", "1", "RATE_LIMIT_WINDOW_SECONDS", "3600")));
        String user = Tokens.newUser();
        invoke(handler, FunctionCalls.sample("mcp-tools-list", user));
        JsonNode refused = invoke(handler, FunctionCalls.sample("mcp-tools-list", user));
        assertThat(FunctionCalls.status(refused)).isEqualTo(429);
        assertThat(refused.at("/headers/retry-after").asInt()).isPositive();
        assertThat(FunctionCalls.body(refused).at("/error/code").asInt()).isEqualTo(-31429);
    }

    @Test
    void aTableThatDoesNotAnswerIs503AsAJsonRpcError(AwsBackend aws) {
        DynamoDbClient nowhere = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:1"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .build();
        Services services = new Services(new Env(FunctionCalls.environment(aws, Map.of())), nowhere, Clock.systemUTC());
        JsonNode response = invoke(new McpHandler(services), FunctionCalls.sample("mcp-tools-call", Tokens.newUser()));
        assertThat(FunctionCalls.status(response)).isEqualTo(503);
        assertThat(FunctionCalls.body(response).at("/error/code").asInt()).isEqualTo(-31503);
        assertThat(response.at("/headers/retry-after").asText()).isEqualTo("2");
    }

    @Test
    void theMetadataNamesTheResourceAndTheIssuerWithoutAToken(AwsBackend aws) {
        ProtectedResourceMetadataHandler handler = metadataHandler(aws, Map.of());
        ObjectNode event = FunctionCalls.sample("mcp-metadata", "nobody");
        JsonNode forEndpoint = FunctionCalls.body(invoke(handler, event));
        assertThat(forEndpoint.get("resource").asText()).isEqualTo("https://127.0.0.1/mcp");
        assertThat(forEndpoint.get("authorization_servers").get(0).asText())
                .isEqualTo(FunctionCalls.environment(aws, Map.of()).get("JWT_ISSUER"));
        assertThat(forEndpoint.get("bearer_methods_supported").get(0).asText()).isEqualTo("header");

        event.put("rawPath", "/.well-known/oauth-protected-resource");
        assertThat(FunctionCalls.body(invoke(handler, event)).get("resource").asText()).isEqualTo("https://127.0.0.1");
    }

    @Test
    void primingReadsTheTableAndWritesNothing(AwsBackend aws) {
        // Its AWS calls are recorded for ./dev iam-check: in AWS, priming runs with the function's role.
        CapacityMeter meter = new CapacityMeter();
        Env env = new Env(FunctionCalls.environment(aws, Map.of()));
        new PrimingCalls(aws, CallRecorder::new).primes("McpFunction", meter,
                (dynamoDb, sqs) -> new McpHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
    }

    private static ProtectedResourceMetadataHandler metadataHandler(AwsBackend aws, Map<String, String> overrides) {
        return new ProtectedResourceMetadataHandler(new Env(FunctionCalls.environment(aws, overrides)));
    }

    private static Services services(AwsBackend aws, Map<String, String> overrides) {
        return new Services(new Env(FunctionCalls.environment(aws, overrides)), aws.aws().dynamoDb(), Clock.systemUTC());
    }

    private static JsonNode invoke(RequestStreamHandler handler, JsonNode event) {
        return FunctionCalls.invoke((in, out) -> handler.handleRequest(in, out, null), event);
    }
}
