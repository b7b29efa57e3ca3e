package com.todoapi.lambda;

import com.amazonaws.services.lambda.runtime.Context;

import java.time.Duration;

/** How long the invocation may still run before Lambda stops it. */
@FunctionalInterface
public interface TimeBudget {
    /** Without a Lambda context (a test calling the handler directly): as long as API Gateway waits. */
    Duration UNKNOWN_LIMIT = Duration.ofSeconds(29);

    Duration left();

    static TimeBudget of(Context context) {
        if (context == null) {
            long end = System.nanoTime() + UNKNOWN_LIMIT.toNanos();
            return () -> Duration.ofNanos(end - System.nanoTime());
        }
        return () -> Duration.ofMillis(context.getRemainingTimeInMillis());
    }
}
