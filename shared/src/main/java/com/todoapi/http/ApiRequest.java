package com.todoapi.http;

import com.todoapi.domain.DomainException;

import java.util.Optional;

/** An authenticated request: the event, the caller's user id (the token's {@code sub}) and the request id. */
public record ApiRequest(HttpRequest http, String userId, String requestId) {
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public Optional<String> header(String name) {
        return http.header(name);
    }

    public Optional<String> query(String name) {
        return http.query(name);
    }

    /** The body as a JSON object; 413 over 64 KiB, 400 when it is not a JSON object. */
    public JsonBody body() {
        byte[] bytes;
        try {
            bytes = http.bodyBytes();
        } catch (IllegalArgumentException badBase64) {
            throw DomainException.invalid("body", "is not valid base64");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "payload_too_large", "The request body is larger than 64 KiB");
        }
        return JsonBody.parse(bytes);
    }

    /** A path parameter that names a numbered item: a positive integer, else 400. */
    public long pathNumber(String name) {
        String raw = http.pathParameter(name).orElse("");
        if (!raw.matches("[1-9][0-9]{0,11}")) {
            throw DomainException.invalid(name, "must be a positive integer");
        }
        return Long.parseLong(raw);
    }

    /** {@code ?limit=}: 1-100, 20 when absent. */
    public int pageLimit() {
        String raw = query("limit").orElse("20");
        if (!raw.matches("[1-9][0-9]{0,2}") || Integer.parseInt(raw) > 100) {
            throw DomainException.invalid("limit", "must be an integer from 1 to 100");
        }
        return Integer.parseInt(raw);
    }
}
