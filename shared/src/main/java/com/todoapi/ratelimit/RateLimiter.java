package com.todoapi.ratelimit;

import java.time.Instant;

/** Counts a user's requests where every instance sees the same count. */
public interface RateLimiter {

    RateLimitDecision hit(String userId, Instant now);
}
