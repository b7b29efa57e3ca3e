package com.todoapi.e2e;

import com.todoapi.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker every end-to-end response goes through catches what it must, so its silence means something. */
class OpenApiContractTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.ofRepository();
    private static final String TASK = """
            {"id":3,"title":"Buy milk","description":"","completed":false,"created_at":"2026-11-22T10:15:30.123Z",\
            "updated_at":"2026-11-22T10:15:30.123Z","version":1,"due":"2026-12-06T17:00",\
            "due_at":"2026-12-06T16:00:00.000Z","priority":"high","labels":["Home"],"recurrence":null,"remind_at":null,\
            "remind_instant":null,"reminded_at":null}""";

    @Test
    void aResponseAsTheServiceWritesItPasses() {
        assertThat(CONTRACT.violations("POST", uri("/v1/tasks"), response(201, TASK, taskHeaders()))).isEmpty();
        assertThat(CONTRACT.violations("GET", uri("/no/such/route"), response(404, "{\"message\":\"Not Found\"}", Map.of())))
                .isEmpty();
    }

    @Test
    void anAccountBeingDeletedIsAConflictTheContractKnows() {
        // The answer to a leaving user's token, which no end-to-end test can time reliably (the purge is quick).
        Map<String, String> headers = new LinkedHashMap<>(taskHeaders());
        headers.keySet().removeAll(List.of("ETag", "Location", "Idempotent-Replayed"));
        headers.put("Retry-After", "30");
        String body = "{\"error\":{\"code\":\"account_deleting\",\"message\":\"This account is being deleted; "
                + "sign in again once that is done\",\"request_id\":\"e2e-request-0001\"}}";
        assertThat(CONTRACT.violations("GET", uri("/v1/tasks"), response(409, body, headers))).isEmpty();
        assertThat(CONTRACT.violations("POST", uri("/v1/tasks"), response(409, body, headers))).isEmpty();
    }

    @Test
    void aBodyThatBreaksItsSchemaIsCaught() {
        assertThat(CONTRACT.violations("POST", uri("/v1/tasks"), response(201, TASK.replace("\"id\":3,", ""), taskHeaders())))
                .singleElement().asString().contains("id");
        assertThat(CONTRACT.violations("POST", uri("/v1/tasks"), response(201, TASK.replace("false", "\"no\""), taskHeaders())))
                .isNotEmpty();
        assertThat(CONTRACT.violations("POST", uri("/v1/tasks"), response(201,
                TASK.replace("2026-11-22T10:15:30.123Z", "yesterday"), taskHeaders()))).isNotEmpty();
    }

    @Test
    void aStatusTheOperationDoesNotListIsCaught() {
        assertThat(CONTRACT.violations("POST", uri("/v1/tasks"), response(418, "{}", taskHeaders())))
                .singleElement().asString().contains("status not listed");
        assertThat(CONTRACT.violations("GET", uri("/no/such/route"), response(200, "{\"message\":\"Not Found\"}", Map.of())))
                .isNotEmpty();
    }

    @Test
    void aMissingOrMalformedHeaderIsCaught() {
        Map<String, String> headers = new LinkedHashMap<>(taskHeaders());
        headers.remove("X-Request-Id");
        assertThat(CONTRACT.violations("POST", uri("/v1/tasks"), response(201, TASK, headers)))
                .singleElement().asString().contains("X-Request-Id");
        headers = new LinkedHashMap<>(taskHeaders());
        headers.put("ETag", "1");
        assertThat(CONTRACT.violations("POST", uri("/v1/tasks"), response(201, TASK, headers)))
                .singleElement().asString().contains("ETag");
    }

    private static Map<String, String> taskHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("ETag", "\"1\"");
        headers.put("Location", "/v1/tasks/3");
        headers.put("Idempotent-Replayed", "false");
        headers.put("X-Request-Id", "e2e-request-0001");
        headers.put("Cache-Control", "no-store");
        headers.put("RateLimit-Limit", "120");
        headers.put("RateLimit-Remaining", "119");
        headers.put("RateLimit-Reset", "60");
        return headers;
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:3000" + path);
    }

    private static HttpResponse<String> response(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        HttpHeaders httpHeaders = HttpHeaders.of(multi, (name, value) -> true);
        return new HttpResponse<>() {
            public int statusCode() { return status; }
            public HttpRequest request() { return null; }
            public Optional<HttpResponse<String>> previousResponse() { return Optional.empty(); }
            public HttpHeaders headers() { return httpHeaders; }
            public String body() { return body; }
            public Optional<SSLSession> sslSession() { return Optional.empty(); }
            public URI uri() { return null; }
            public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
        };
    }
}
