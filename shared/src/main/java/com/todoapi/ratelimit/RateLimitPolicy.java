package com.todoapi.ratelimit;

import com.todoapi.config.Env;

import java.time.Duration;

/** How many requests a user may make per fixed window; from RATE_LIMIT_REQUESTS and RATE_LIMIT_WINDOW_SECONDS. */
public record RateLimitPolicy(int requests, Duration window) {

    public RateLimitPolicy {
        if (requests < 1 || window.toSeconds() < 1) {
            throw new IllegalArgumentException("A rate limit needs at least one request per window of at least 1 s");
        }
    }

    public static RateLimitPolicy from(Env env) {
        return new RateLimitPolicy(
                Integer.parseInt(env.require("RATE_LIMIT_REQUESTS")),
                Duration.ofSeconds(Long.parseLong(env.optional("RATE_LIMIT_WINDOW_SECONDS").orElse("60"))));
    }
}
