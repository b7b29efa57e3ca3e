package com.todoapi.lambda;

import com.todoapi.auth.Caller;
import com.todoapi.domain.DomainException;
import com.todoapi.domain.ItemNumbers;
import com.todoapi.http.ApiException;
import com.todoapi.http.HttpRequest;
import com.todoapi.http.JsonBody;
import com.todoapi.metrics.Metrics;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An authenticated request: the event, the caller (the token's {@code sub} or the key's owner, and
 * the scopes), the request id, the time the invocation has left, and the invocation's metrics.
 */
public record ApiRequest(HttpRequest http, Caller caller, String requestId, TimeBudget budget, Metrics metrics) {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern PREFER_WAIT =
            Pattern.compile("(?:^|[,;])\\s*wait\\s*=\\s*\"?([0-9]+)\"?\\s*(?:$|[,;])",
                    Pattern.CASE_INSENSITIVE);

    /** A request of a JWT's user, with every scope. */
    public ApiRequest(HttpRequest http, String userId, String requestId, TimeBudget budget, Metrics metrics) {
        this(http, Caller.fromToken(userId), requestId, budget, metrics);
    }

    /** The caller's user id: the JWT's {@code sub}, or the API key's owner. */
    public String userId() {
        return caller.userId();
    }

    public Optional<String> header(String name) {
        return http.header(name);
    }

    public Optional<String> query(String name) {
        return http.query(name);
    }

    /** The body as a JSON object; 413 over 64 KiB, 400 when it is not a JSON object. */
    public JsonBody body() {
        return JsonBody.parse(bodyBytes());
    }

    /** As {@link #body()}, but no body at all reads as {@code {}}: for routes whose fields are all optional. */
    public JsonBody bodyOrEmpty() {
        byte[] bytes = bodyBytes();
        return JsonBody.parse(bytes.length == 0 ? "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII) : bytes);
    }

    private byte[] bodyBytes() {
        byte[] bytes;
        try {
            bytes = http.bodyBytes();
        } catch (IllegalArgumentException badBase64) {
            throw DomainException.invalid("body", "is not valid base64");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "payload_too_large", "The request body is larger than 64 KiB");
        }
        return bytes;
    }

    /** A path parameter that names a numbered item: 1 to {@link ItemNumbers#MAX}, else 400. */
    public long pathNumber(String name) {
        return ItemNumbers.parse(name, http.pathParameter(name).orElse(""));
    }

    /**
     * How long the caller asked to wait ({@code Prefer: wait=N}, RFC 7240), at most {@code max}
     * seconds; empty when it did not ask. A preference that cannot be read is ignored, as the RFC says.
     */
    public OptionalInt preferredWait(int max) {
        Matcher wait = PREFER_WAIT.matcher(header("prefer").orElse(""));
        if (!wait.find()) {
            return OptionalInt.empty();
        }
        String seconds = wait.group(1);
        return OptionalInt.of(seconds.length() > 4 ? max : Math.min(max, Integer.parseInt(seconds)));
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
