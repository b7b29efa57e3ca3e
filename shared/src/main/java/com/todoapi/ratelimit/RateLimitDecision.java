package com.todoapi.ratelimit;

/** Whether one request may go on, and what the {@code RateLimit-*} headers tell the client. */
public record RateLimitDecision(boolean allowed, int limit, int remaining, long resetSeconds) {
}
