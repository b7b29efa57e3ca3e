package com.todoapi.e2e;

import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS through the local front door, as API Gateway does it from the template's CorsConfiguration:
 * the gateway answers preflights itself, an allowed origin gets the allow and expose headers on
 * real responses, a foreign origin gets none. Preflights go through a plain client: OPTIONS is
 * the gateway's, not an operation of the contract.
 */
@ExtendWith(LocalRuntimeExtension.class)
class CorsEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredByTheGateway(ServiceClient client) throws Exception {
        HttpResponse<String> preflight = preflight(client, "http://localhost:5173", "POST");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue("http://localhost:5173");
        assertThat(preflight.headers().firstValue("access-control-allow-methods").orElse("")).contains("POST");
        assertThat(preflight.headers().firstValue("access-control-allow-headers").orElse("").toLowerCase())
                .contains("authorization", "content-type", "idempotency-key", "if-match", "mcp-protocol-version");
        assertThat(preflight.headers().firstValue("access-control-allow-credentials")).isEmpty();
    }

    @Test
    void loopbackOriginsOnAnyPortAreAllowedInLocalMode(ServiceClient client) throws Exception {
        HttpResponse<String> preflight = preflight(client, "http://127.0.0.1:8081", "PATCH");
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue("http://127.0.0.1:8081");
    }

    @Test
    void aForeignOriginGetsNoCorsHeaders(ServiceClient client) throws Exception {
        HttpResponse<String> preflight = preflight(client, "https://evil.example", "POST");
        assertThat(preflight.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));

        HttpResponse<String> read = client.get("/v1/tasks", "Authorization", Tokens.bearer(Tokens.newUser()),
                "Origin", "https://evil.example");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void realResponsesToAnAllowedOriginCarryTheAllowAndExposeHeaders(ServiceClient client) {
        HttpResponse<String> created = client.send("POST", "/v1/tasks", "{\"title\":\"Water the plants\"}",
                "Authorization", Tokens.bearer(Tokens.newUser()), "Origin", "http://localhost:5173");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("access-control-allow-origin")).hasValue("http://localhost:5173");
        assertThat(created.headers().firstValue("access-control-expose-headers").orElse("").toLowerCase())
                .contains("etag", "location", "x-request-id", "ratelimit-remaining", "retry-after");
    }

    private static HttpResponse<String> preflight(ServiceClient client, String origin, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(client.base().resolve("/v1/tasks"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
