package com.todoapi.aws;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Duration;

/**
 * How long an SDK call may keep trying, by who is waiting for it (docs/api.md, "The store not answering").
 * A person waiting gets a quick 503 with Retry-After when the store does not answer; SQS or the
 * schedule waiting can afford the SDK's patient defaults, since a retry there saves a redelivery.
 */
public enum CallBudget {
    /**
     * API functions and the health check: three attempts, backoff of at most 100 ms between them
     * (250 ms when throttled, which the SDK still retries), a 500 ms connect timeout, and 2 s for
     * the whole call at most, a bound for a store that takes connections and never answers (above
     * what a cold JVM's first call takes).
     */
    INTERACTIVE(Duration.ofMillis(500)) {
        @Override
        ClientOverrideConfiguration overrides() {
            return ClientOverrideConfiguration.builder()
                    .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(3)
                            .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(10), Duration.ofMillis(100)))
                            .throttlingBackoffStrategy(
                                    BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofMillis(250)))
                            .build())
                    .apiCallTimeout(Duration.ofSeconds(2))
                    .build();
        }
    },
    /** Queue workers, the sweeper and reading secrets at start: the SDK's own retries and backoff. */
    BACKGROUND(Duration.ofSeconds(2)) {
        @Override
        ClientOverrideConfiguration overrides() {
            return ClientOverrideConfiguration.builder().build();
        }
    };

    private final Duration connectTimeout;

    CallBudget(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    abstract ClientOverrideConfiguration overrides();
}
