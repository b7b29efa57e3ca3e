package com.todoapi.aws.dynamodb;

import java.util.concurrent.ThreadLocalRandom;

/** How long to wait before trying a contended write again. */
@FunctionalInterface
interface Backoff {
    /** Full jitter, growing to at most 100 ms: contenders spread out instead of colliding again. */
    Backoff JITTERED = attempt -> {
        long ceilingMillis = Math.min(100, 5L << Math.min(attempt, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceilingMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a write", e);
        }
    };

    void pause(int attempt);
}
