package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.todoapi.local.LocalTokens;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The task routes over HTTP through the local runtime, checked as a client would check them. */
@ExtendWith(LocalRuntimeExtension.class)
class TasksEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void createReadUpdateDelete(ServiceClient client) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());

        HttpResponse<String> created = client.send("POST", "/v1/tasks", "{\"title\":\"  Buy groceries \",\"description\":\"milk\"}",
                "Authorization", auth, "Content-Type", "application/json");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("location")).hasValue("/v1/tasks/1");
        assertThat(created.headers().firstValue("etag")).hasValue("\"1\"");
        assertThat(created.headers().firstValue("cache-control")).hasValue("no-store");
        JsonNode task = JSON.readTree(created.body());
        assertThat(task.get("id").asLong()).isEqualTo(1);
        assertThat(task.get("title").asText()).isEqualTo("Buy groceries");
        assertThat(task.get("description").asText()).isEqualTo("milk");
        assertThat(task.get("completed").asBoolean()).isFalse();
        assertThat(task.get("version").asLong()).isEqualTo(1);
        assertThat(task.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        HttpResponse<String> read = client.send("GET", "/v1/tasks/1", null, "Authorization", auth);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("etag")).hasValue("\"1\"");
        assertThat(JSON.readTree(read.body())).isEqualTo(task);

        HttpResponse<String> updated = client.send("PATCH", "/v1/tasks/1", "{\"completed\":true}",
                "Authorization", auth, "If-Match", "\"1\"");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.headers().firstValue("etag")).hasValue("\"2\"");
        assertThat(JSON.readTree(updated.body()).get("completed").asBoolean()).isTrue();
        assertThat(JSON.readTree(updated.body()).get("title").asText()).isEqualTo("Buy groceries");

        HttpResponse<String> deleted = client.send("DELETE", "/v1/tasks/1", null, "Authorization", auth);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();

        HttpResponse<String> gone = client.send("GET", "/v1/tasks/1", null, "Authorization", auth);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertError(gone, "not_found");
        assertThat(JSON.readTree(gone.body()).at("/error/message").asText()).isEqualTo("Task 1 not found");
    }

    @Test
    void anotherUsersTasksAreNotFound(ServiceClient client) {
        String owner = Tokens.bearer(Tokens.newUser());
        String stranger = Tokens.bearer(Tokens.newUser());
        assertThat(client.send("POST", "/v1/tasks", "{\"title\":\"Private\"}", "Authorization", owner).statusCode()).isEqualTo(201);

        assertThat(client.send("GET", "/v1/tasks/1", null, "Authorization", stranger).statusCode()).isEqualTo(404);
        assertThat(client.send("PATCH", "/v1/tasks/1", "{\"title\":\"Mine now\"}", "Authorization", stranger).statusCode()).isEqualTo(404);
        assertThat(client.send("DELETE", "/v1/tasks/1", null, "Authorization", stranger).statusCode()).isEqualTo(404);
        assertThat(client.send("GET", "/v1/tasks", null, "Authorization", stranger).body()).contains("\"items\":[]");
        assertThat(client.send("GET", "/v1/tasks/1", null, "Authorization", owner).body()).contains("\"title\":\"Private\"");
    }

    @Tag(E2e.PER_REQUEST)
    @Test
    void everyBadTokenGets401WithTheSameBody(ServiceClient client) throws Exception {
        LocalTokens local = Tokens.local();
        LocalTokens otherSecret = new LocalTokens("another-secret-0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                local.issuer(), local.audience());
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", local.sign(claims(local).expirationTime(Date.from(Instant.now().minusSeconds(600))).build()));
        tokens.put("wrongly signed", otherSecret.sign(claims(local).build()));
        tokens.put("wrong issuer", local.sign(claims(local).issuer("https://evil.example/").build()));
        tokens.put("wrong audience", local.sign(claims(local).audience("another-api").build()));
        tokens.put("alg none", new PlainJWT(claims(local).build()).serialize());
        tokens.put("no sub", local.sign(claims(local).subject(null).build()));
        tokens.put("garbage", "not.a.token");

        List<String> bodies = new ArrayList<>();
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            HttpResponse<String> response = client.send("GET", "/v1/tasks", null, "Authorization", "Bearer " + token.getValue());
            assertThat(response.statusCode()).as(token.getKey()).isEqualTo(401);
            assertThat(response.headers().firstValue("www-authenticate")).as(token.getKey())
                    .hasValue("Bearer error=\"invalid_token\"");
            assertError(response, "unauthorized");
            bodies.add(JSON.readTree(response.body()).at("/error/message").asText());
        }
        assertThat(client.send("GET", "/v1/tasks", null).statusCode()).as("no token").isEqualTo(401);
        assertThat(bodies).as("no hint of which check failed").containsOnly(bodies.get(0));
    }

    @Test
    void anIdempotentRetryReturnsTheSameTaskAndAReusedKeyIs422(ServiceClient client) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        HttpResponse<String> first = client.send("POST", "/v1/tasks", "{\"title\":\"Pay bills\"}",
                "Authorization", auth, "Idempotency-Key", "create-pay-bills-1");
        HttpResponse<String> retry = client.send("POST", "/v1/tasks", "{\"title\":\"Pay bills\"}",
                "Authorization", auth, "Idempotency-Key", "create-pay-bills-1");
        HttpResponse<String> reused = client.send("POST", "/v1/tasks", "{\"title\":\"Something else\"}",
                "Authorization", auth, "Idempotency-Key", "create-pay-bills-1");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("location")).isEqualTo(first.headers().firstValue("location"));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertError(reused, "idempotency_key_reused");
        assertThat(JSON.readTree(client.send("GET", "/v1/tasks", null, "Authorization", auth).body()).get("items")).hasSize(1);
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing(ServiceClient client) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        client.send("POST", "/v1/tasks", "{\"title\":\"Call mom\"}", "Authorization", auth);
        assertThat(client.send("PATCH", "/v1/tasks/1", "{\"title\":\"Call mom tonight\"}", "Authorization", auth,
                "If-Match", "\"1\"").statusCode()).isEqualTo(200);

        HttpResponse<String> stale = client.send("PATCH", "/v1/tasks/1", "{\"title\":\"Call dad\"}", "Authorization", auth,
                "If-Match", "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertError(stale, "precondition_failed");
        HttpResponse<String> staleDelete = client.send("DELETE", "/v1/tasks/1", null, "Authorization", auth, "If-Match", "\"1\"");
        assertThat(staleDelete.statusCode()).isEqualTo(412);

        JsonNode task = JSON.readTree(client.send("GET", "/v1/tasks/1", null, "Authorization", auth).body());
        assertThat(task.get("title").asText()).isEqualTo("Call mom tonight");
        assertThat(task.get("version").asLong()).isEqualTo(2);
    }

    @Test
    @Tag(E2e.VOLUME)
    void twentyFourTasksComeBackExactlyOnceAcrossPagesOfSevenAndAForgedCursorIs400(ServiceClient client) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        for (int i = 1; i <= 24; i++) {
            assertThat(client.send("POST", "/v1/tasks", "{\"title\":\"Task " + i + "\"}", "Authorization", auth).statusCode())
                    .isEqualTo(201);
        }
        List<Long> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        String firstCursor = null;
        do {
            String path = "/v1/tasks?limit=7" + (cursor == null ? "" : "&cursor=" + cursor);
            HttpResponse<String> page = client.send("GET", path, null, "Authorization", auth);
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(page.body());
            body.get("items").forEach(item -> seen.add(item.get("id").asLong()));
            pageSizes.add(body.get("items").size());
            assertThat(body.has("next_cursor")).isTrue();
            cursor = body.get("next_cursor").isNull() ? null : body.get("next_cursor").asText();
            firstCursor = firstCursor == null ? cursor : firstCursor;
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(7, 7, 7, 3);
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, 24).boxed().toList());

        char last = firstCursor.charAt(firstCursor.length() - 1);
        String forged = firstCursor.substring(0, firstCursor.length() - 1) + (last == 'A' ? 'B' : 'A');
        HttpResponse<String> refused = client.send("GET", "/v1/tasks?limit=7&cursor=" + forged, null, "Authorization", auth);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertError(refused, "invalid_request");
        HttpResponse<String> foreign = client.send("GET", "/v1/tasks?limit=7&cursor=" + firstCursor, null,
                "Authorization", Tokens.bearer(Tokens.newUser()));
        assertThat(foreign.statusCode()).as("another user's cursor").isEqualTo(400);
    }

    @Tag(E2e.PER_REQUEST)
    @Test
    void badInputIs400InTheErrorShape(ServiceClient client) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());

        HttpResponse<String> malformed = client.send("POST", "/v1/tasks", "{\"title\": \"unclosed", "Authorization", auth);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertError(malformed, "invalid_request");

        HttpResponse<String> empty = client.send("POST", "/v1/tasks", "{\"title\":\"   \"}", "Authorization", auth);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertError(empty, "invalid_request");
        assertThat(JSON.readTree(empty.body()).at("/error/details/0/field").asText()).isEqualTo("title");

        HttpResponse<String> wrongType = client.send("PATCH", "/v1/tasks/1", "{\"completed\":\"yes\"}", "Authorization", auth);
        assertThat(wrongType.statusCode()).isEqualTo(400);

        HttpResponse<String> badStatus = client.send("GET", "/v1/tasks?status=done", null, "Authorization", auth);
        assertThat(badStatus.statusCode()).isEqualTo(400);

        HttpResponse<String> tooBig = client.send("POST", "/v1/tasks", "{\"title\":\"" + "x".repeat(70_000) + "\"}",
                "Authorization", auth);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertError(tooBig, "payload_too_large");

        assertThat(JSON.readTree(client.send("GET", "/v1/tasks", null, "Authorization", auth).body()).get("items"))
                .as("nothing was half-written").isEmpty();
    }

    @Test
    void authenticatedResponsesCarryTheRateLimitHeaders(ServiceClient client) {
        String auth = Tokens.bearer(Tokens.newUser());
        HttpResponse<String> first = client.send("GET", "/v1/tasks", null, "Authorization", auth);
        HttpResponse<String> second = client.send("GET", "/v1/tasks/99", null, "Authorization", auth);

        int limit = header(first, "ratelimit-limit");
        assertThat(header(first, "ratelimit-remaining")).isEqualTo(limit - 1);
        assertThat(header(second, "ratelimit-limit")).isEqualTo(limit);
        boolean sameWindow = header(second, "ratelimit-reset") <= header(first, "ratelimit-reset");
        assertThat(header(second, "ratelimit-remaining")).as("counted across functions, unless a new window began")
                .isEqualTo(sameWindow ? limit - 2 : limit - 1);
    }

    private static int header(HttpResponse<String> response, String name) {
        return Integer.parseInt(response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name)));
    }

    @Test
    @Tag(E2e.VOLUME)
    void fiftyConcurrentCreatesForOneUserGetIdsOneToFifty(ServiceClient client) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<HttpResponse<String>>> creates = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String body = "{\"title\":\"Concurrent " + i + "\"}";
                creates.add(CompletableFuture.supplyAsync(() -> client.send("POST", "/v1/tasks", body, "Authorization", auth), pool));
            }
            List<Long> ids = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> create : creates) {
                HttpResponse<String> response = create.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                ids.add(JSON.readTree(response.body()).get("id").asLong());
            }
            assertThat(ids).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private static JWTClaimsSet.Builder claims(LocalTokens local) {
        return new JWTClaimsSet.Builder()
                .issuer(local.issuer())
                .audience(local.audience())
                .subject(Tokens.newUser())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    private static void assertError(HttpResponse<String> response, String code) throws Exception {
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error).as(response.body()).isNotNull();
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("request_id").asText()).isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
    }
}
