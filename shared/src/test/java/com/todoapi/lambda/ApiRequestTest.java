package com.todoapi.lambda;

import com.todoapi.metrics.Metrics;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.FieldProblem;
import com.todoapi.http.ApiException;
import com.todoapi.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiRequestTest {

    private static ApiRequest request(Map<String, String> query, Map<String, String> path, String body, boolean base64) {
        HttpRequest http = new HttpRequest("2.0", "ANY /v1/tasks", "/v1/tasks", "", null, Map.of("content-type", "application/json"),
                query, path, null, body, base64);
        return new ApiRequest(http, "user-1", "request-1", TimeBudget.of(null), new Metrics());
    }

    private static ApiRequest withBody(String body) {
        return request(Map.of(), Map.of(), body, false);
    }

    private static ApiRequest withPathId(String id) {
        return request(Map.of(), Map.of("id", id), null, false);
    }

    private static ApiRequest withLimit(String limit) {
        return request(Map.of("limit", limit), Map.of(), null, false);
    }

    private static void assertInvalid(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.problems()).extracting(FieldProblem::field).containsExactly(field);
        });
    }

    /** A JSON object of exactly {@code size} bytes. */
    private static String objectOfBytes(int size) {
        String shell = "{\"title\":\"\"}";
        return "{\"title\":\"" + "x".repeat(size - shell.length()) + "\"}";
    }

    @Test
    void bodyIsParsedAsJson() {
        assertThat(withBody("{\"title\":\"Buy milk\"}").body().text("title")).contains("Buy milk");
    }

    @Test
    void bodyOfExactly64KiBIsAccepted() {
        String json = objectOfBytes(ApiRequest.MAX_BODY_BYTES);
        assertThat(json.getBytes(StandardCharsets.UTF_8)).hasSize(64 * 1024);
        int titleLength = withBody(json).body().text("title").orElseThrow().length();
        assertThat(titleLength).isEqualTo(64 * 1024 - "{\"title\":\"\"}".length());
    }

    @Test
    void bodyOneByteOver64KiBIsPayloadTooLarge() {
        String json = objectOfBytes(ApiRequest.MAX_BODY_BYTES + 1);
        assertThatThrownBy(() -> withBody(json).body())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.code()).isEqualTo("payload_too_large");
                });
    }

    @Test
    void sizeLimitCountsUtf8BytesNotCharacters() {
        // 30,000 three-byte characters: 90,000 bytes, though only 30,000 chars
        String json = "{\"title\":\"" + "\u20ac".repeat(30_000) + "\"}";
        assertThatThrownBy(() -> withBody(json).body())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void base64EncodedBodyIsDecoded() {
        String encoded = Base64.getEncoder().encodeToString("{\"title\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(request(Map.of(), Map.of(), encoded, true).body().text("title")).contains("caf\u00e9");
    }

    @Test
    void base64BodyOver64KiBOnceDecodedIsPayloadTooLarge() {
        String encoded = Base64.getEncoder().encodeToString(
                objectOfBytes(ApiRequest.MAX_BODY_BYTES + 1).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> request(Map.of(), Map.of(), encoded, true).body())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void invalidBase64BodyIsInvalid() {
        assertInvalid(() -> request(Map.of(), Map.of(), "not base64!!", true).body(), "body");
    }

    @Test
    void missingBodyIsInvalid() {
        assertInvalid(() -> withBody(null).body(), "body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "42", "999999999999"})
    void pathNumberAcceptsPositiveIntegersOfUpTo12Digits(String id) {
        assertThat(withPathId(id).pathNumber("id")).isEqualTo(Long.parseLong(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1e3", "1000000000000", "9999999999999999999999", "01", "+1", " 1", "1 ", "1.0", "", "\u0661"})
    void pathNumberRejectsAnythingElse(String id) {
        assertInvalid(() -> withPathId(id).pathNumber("id"), "id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000000", "9223372036854775807", "9223372036854775808", "9999999999999999999999"})
    void pathNumberAboveTheMaximumIsToldAsOutOfRange(String id) {
        assertThatThrownBy(() -> withPathId(id).pathNumber("id")).isInstanceOfSatisfying(DomainException.class, e ->
                assertThat(e.problems()).containsExactly(new FieldProblem("id", "must be at most 999999999999")));
    }

    @Test
    void bodyBytesThatAreNotUtf8AreInvalidWhenTheyArriveAsBase64() {
        String encoded = Base64.getEncoder().encodeToString(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xE9, '"', '}'});
        assertThatThrownBy(() -> request(Map.of(), Map.of(), encoded, true).body())
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.problems())
                        .containsExactly(new FieldProblem("body", "is not valid UTF-8")));
    }

    @Test
    void missingPathNumberIsInvalid() {
        assertInvalid(() -> request(Map.of(), Map.of(), null, false).pathNumber("id"), "id");
    }

    @Test
    void pageLimitDefaultsTo20() {
        assertThat(request(Map.of(), Map.of(), null, false).pageLimit()).isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "20", "100"})
    void pageLimitAcceptsOneToAHundred(String limit) {
        assertThat(withLimit(limit).pageLimit()).isEqualTo(Integer.parseInt(limit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "x", "", "-1", "1000", "99999999999", "1.5", " 5", "1e2", "007"})
    void pageLimitRejectsAnythingElse(String limit) {
        assertInvalid(() -> withLimit(limit).pageLimit(), "limit");
    }
}
