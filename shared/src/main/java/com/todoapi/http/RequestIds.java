package com.todoapi.http;

import java.util.UUID;
import java.util.regex.Pattern;

/** Chooses a request's id: the caller's {@code X-Request-Id} when it is sane, else a new one. */
public final class RequestIds {
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@/+=-]{8,128}");

    private RequestIds() {
    }

    public static String choose(HttpRequest request) {
        return request.header("x-request-id")
                .map(String::strip)
                .filter(id -> SANE.matcher(id).matches())
                .orElseGet(() -> fallback(request));
    }

    private static String fallback(HttpRequest request) {
        if (request.requestContext() != null && request.requestContext().requestId() != null
                && SANE.matcher(request.requestContext().requestId()).matches()) {
            return request.requestContext().requestId();
        }
        return UUID.randomUUID().toString();
    }
}
