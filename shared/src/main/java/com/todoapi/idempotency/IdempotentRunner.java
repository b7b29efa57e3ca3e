package com.todoapi.idempotency;

import com.todoapi.domain.DomainException;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a write at most once per {@link Once} key. The write receives the claim and must complete
 * it in its own atomic write; a repeat gets the stored result back, decoded.
 */
public final class IdempotentRunner {
    private final IdempotencyStore store;
    private final Clock clock;

    public IdempotentRunner(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The write's result, or the first result when the same request already ran under the key. */
    public <T> Outcome<T> run(String userId, Optional<Once> once, Function<String, T> decode,
                              Function<Optional<IdempotencyClaim>, T> write) {
        if (once.isEmpty()) {
            return new Outcome<>(write.apply(Optional.empty()), false);
        }
        Once key = once.get();
        ClaimOutcome outcome = store.claim(userId, key.scope(), key.key(), key.requestHash(), clock.instant());
        return switch (outcome) {
            case ClaimOutcome.Replay replay -> new Outcome<>(decode.apply(replay.result()), true);
            case ClaimOutcome.Reused reused -> throw DomainException.idempotencyKeyReused();
            case ClaimOutcome.InFlight inFlight -> throw DomainException.inFlight();
            case ClaimOutcome.Claimed claimed -> {
                try {
                    yield new Outcome<>(write.apply(Optional.of(claimed.claim())), false);
                } catch (RuntimeException failure) {
                    store.release(claimed.claim());
                    throw failure;
                }
            }
        };
    }

    /** A result, and whether it was replayed from an earlier request with the same key. */
    public record Outcome<T>(T value, boolean replayed) {
    }
}
