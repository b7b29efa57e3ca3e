package com.todoapi.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.local.LocalRuntime;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /health over HTTP through the local runtime, running the packaged function as Lambda would. */
@ExtendWith(LocalRuntimeExtension.class)
class HealthEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void healthAnswers200WithARequestId(ServiceClient client) throws Exception {
        HttpResponse<String> response = client.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-request-id")).isPresent().get().asString().isNotBlank();
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(JSON.readTree(response.body()))
                .isEqualTo(JSON.readTree("{\"status\":\"ok\",\"checks\":{\"dynamodb\":\"ok\",\"sqs\":\"ok\"}}"));
    }

    @Test
    void healthEchoesASaneCallerRequestId(ServiceClient client) {
        HttpResponse<String> response = client.get("/health", "X-Request-Id", "e2e-request-0042");

        assertThat(response.headers().firstValue("x-request-id")).hasValue("e2e-request-0042");
    }

    @Test
    void healthAnswers503InTheErrorShapeWhenDynamoDbIsDown(ServiceClient client, LocalRuntime runtime) throws Exception {
        runtime.emulators().stopDynamoDb();
        try {
            HttpResponse<String> response = client.get("/health");

            assertThat(response.statusCode()).isEqualTo(503);
            var body = JSON.readTree(response.body());
            assertThat(body.at("/checks/dynamodb").asText()).isEqualTo("unavailable");
            assertThat(body.at("/checks/sqs").asText()).isEqualTo("ok");
            assertThat(body.at("/error/code").asText()).isEqualTo("unavailable");
            assertThat(body.at("/error/request_id").asText()).isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
        } finally {
            runtime.emulators().startDynamoDbAgain();
        }
    }

    @Test
    void anUnknownRouteIs404(ServiceClient client) {
        assertThat(client.get("/no/such/route").statusCode()).isEqualTo(404);
    }
}
