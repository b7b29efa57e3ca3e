package com.todoapi.aws.dynamodb;

import com.todoapi.ratelimit.RateLimitDecision;
import com.todoapi.ratelimit.RateLimitPolicy;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixed windows counted in DynamoDB Local, as every function instance would share them. */
@ExtendWith(AwsBackendExtension.class)
class DynamoRateLimiterTest {
    private static final Instant WINDOW_START = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void countsDownThenRefusesUntilTheWindowEnds(AwsBackend aws) {
        DynamoRateLimiter limiter = limiter(aws, 3);
        String user = "user-" + UUID.randomUUID();

        assertThat(limiter.hit(user, WINDOW_START)).isEqualTo(new RateLimitDecision(true, 3, 2, 60));
        assertThat(limiter.hit(user, WINDOW_START.plusSeconds(10))).isEqualTo(new RateLimitDecision(true, 3, 1, 50));
        assertThat(limiter.hit(user, WINDOW_START.plusSeconds(20))).isEqualTo(new RateLimitDecision(true, 3, 0, 40));
        assertThat(limiter.hit(user, WINDOW_START.plusSeconds(30))).isEqualTo(new RateLimitDecision(false, 3, 0, 30));
        assertThat(limiter.hit(user, WINDOW_START.plusSeconds(60)).allowed()).as("a new window").isTrue();
    }

    @Test
    void usersHaveTheirOwnWindows(AwsBackend aws) {
        DynamoRateLimiter limiter = limiter(aws, 1);
        String first = "user-" + UUID.randomUUID();
        String second = "user-" + UUID.randomUUID();

        assertThat(limiter.hit(first, WINDOW_START).allowed()).isTrue();
        assertThat(limiter.hit(first, WINDOW_START).allowed()).isFalse();
        assertThat(limiter.hit(second, WINDOW_START).allowed()).isTrue();
    }

    @Test
    void concurrentRequestsNeverGetMoreThanTheLimit(AwsBackend aws) throws Exception {
        DynamoRateLimiter limiter = limiter(aws, 10);
        String user = "user-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> hits = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                hits.add(() -> limiter.hit(user, WINDOW_START).allowed());
            }
            long allowed = 0;
            for (Future<Boolean> f : pool.invokeAll(hits)) {
                allowed += f.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }

    private static DynamoRateLimiter limiter(AwsBackend aws, int requests) {
        return new DynamoRateLimiter(new Tables(aws.aws().dynamoDb(), aws.tableName()),
                new RateLimitPolicy(requests, Duration.ofSeconds(60)));
    }
}
