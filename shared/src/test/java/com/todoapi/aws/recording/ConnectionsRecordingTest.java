package com.todoapi.aws.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.json.Json;
import com.todoapi.testing.FakeConnectionsApi;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @connections} call as the deploy proof reads it: the service and operation as the SDK
 * names them, and the stage's endpoint and the connection, from which iam-check builds the ARN.
 */
class ConnectionsRecordingTest {

    @Test
    void aPostIsRecordedWithItsEndpointAndConnection() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (FakeConnectionsApi api = FakeConnectionsApi.start().connection("Ab1=", FakeConnectionsApi.Behaviour.OPEN);
             ApiGatewayManagementApiClient client = ApiGatewayManagementApiClient.builder()
                     .endpointOverride(api.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClient(UrlConnectionHttpClient.create())
                     .overrideConfiguration(o -> o.addExecutionInterceptor(new CallRecorder("RealtimeMessageFunction", lines::add)))
                     .build()) {
            client.postToConnection(post -> post.connectionId("Ab1=").data(SdkBytes.fromUtf8String("{\"type\":\"pong\"}")));
            assertThat(api.received("Ab1=")).containsExactly("{\"type\":\"pong\"}");

            JsonNode line = Json.MAPPER.readTree(lines.get(0));
            assertThat(line.get("service").asText()).isEqualTo("ApiGatewayManagementApi");
            assertThat(line.get("operation").asText()).isEqualTo("PostToConnection");
            assertThat(line.at("/targets/0/kind").asText()).isEqualTo("connection");
            assertThat(line.at("/targets/0/endpoint").asText()).isEqualTo(api.endpoint().toString());
            assertThat(line.at("/targets/0/connection").asText()).isEqualTo("Ab1=");
        }
    }
}
