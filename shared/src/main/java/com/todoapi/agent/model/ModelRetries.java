package com.todoapi.agent.model;

import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.ReplySink;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Asks the model again after a failure that may pass (a timeout, a 429, a 5xx), waiting as the
 * provider asks ({@code Retry-After}) or with jittered doubling, but only while the turn has time
 * left. When it has none, or the attempts are spent, the failure goes up: the job goes back to
 * the queue and resumes from its checkpoint. A permanent failure is not asked again.
 */
final class ModelRetries {
    static final int ATTEMPTS = 4;
    /** Less than this left and a model call is not started: it could not finish in time. */
    static final Duration LEAST_TIME_FOR_A_CALL = Duration.ofSeconds(2);
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(20);

    private final ModelClient client;
    private final Clock clock;
    private final Duration callTimeout;

    ModelRetries(ModelClient client, Clock clock, Duration callTimeout) {
        this.client = client;
        this.clock = clock;
        this.callTimeout = callTimeout;
    }

    ModelAnswer complete(ModelRequestDraft draft, Optional<Instant> deadline) {
        return complete(draft, deadline, ReplySink.NONE);
    }

    /**
     * As {@link #complete(ModelRequestDraft, Optional)}, telling {@code sink} the text as it comes;
     * an attempt that told some text before it failed is followed by a restart, so what the next
     * attempt tells replaces it.
     */
    ModelAnswer complete(ModelRequestDraft draft, Optional<Instant> deadline, ReplySink sink) {
        for (int attempt = 1; ; attempt++) {
            Duration timeout = callTimeout;
            if (deadline.isPresent()) { // with no deadline the call's own timeout is the only limit, however short
                Duration left = Duration.between(clock.instant(), deadline.get());
                if (left.compareTo(LEAST_TIME_FOR_A_CALL) < 0) {
                    throw ModelCallException.retryable("no time left in this run for a model call", null);
                }
                timeout = left.compareTo(callTimeout) < 0 ? left : callTimeout;
            }
            boolean[] told = {false};
            try {
                return client.complete(draft.withTimeout(timeout), piece -> {
                    told[0] = true;
                    sink.text(piece);
                });
            } catch (ModelCallException failure) {
                if (told[0]) {
                    sink.restart();
                }
                Duration wait = failure.retryAfter().orElse(backoff(attempt));
                boolean timeForAnother = deadline.map(end -> clock.instant().plus(wait).plus(LEAST_TIME_FOR_A_CALL)
                        .isBefore(end)).orElse(true);
                if (!failure.retryable() || attempt == ATTEMPTS || !timeForAnother || wait.compareTo(LONGEST_WAIT) > 0) {
                    throw failure;
                }
                sleep(wait);
            }
        }
    }

    private static Duration backoff(int attempt) {
        long ceiling = FIRST_WAIT.toMillis() << (attempt - 1);
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ModelCallException.retryable("interrupted while waiting to ask the model again", null);
        }
    }

    /** A request whose timeout is set per attempt, from the time the turn has left. */
    @FunctionalInterface
    interface ModelRequestDraft {
        ModelRequest withTimeout(Duration timeout);
    }
}
