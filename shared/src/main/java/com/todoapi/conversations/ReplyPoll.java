package com.todoapi.conversations;

import java.time.Duration;

/** How a route waits between looks at a pending reply ({@code Prefer: wait}). */
@FunctionalInterface
public interface ReplyPoll {
    /** 100 ms, growing to 500 ms: a quick reply is seen quickly, a slow one costs few reads. */
    ReplyPoll BACKING_OFF = (attempt, left) -> {
        long millis = Math.min(Math.min(500, 100L + 100L * attempt), Math.max(1, left.toMillis()));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a reply", e);
        }
    };

    void pause(int attempt, Duration left);
}
