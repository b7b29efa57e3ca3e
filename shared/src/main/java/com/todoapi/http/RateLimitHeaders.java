package com.todoapi.http;

import com.todoapi.ratelimit.RateLimitDecision;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code RateLimit-*} headers of every authenticated response, and {@code Retry-After} on a 429. */
public final class RateLimitHeaders {
    private RateLimitHeaders() {
    }

    public static Map<String, String> of(RateLimitDecision decision) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ratelimit-limit", Integer.toString(decision.limit()));
        headers.put("ratelimit-remaining", Integer.toString(decision.remaining()));
        headers.put("ratelimit-reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            headers.put("retry-after", Long.toString(decision.resetSeconds()));
        }
        return headers;
    }
}
