package com.todoapi.idempotency;

import java.time.Instant;

/**
 * Records of {@code Idempotency-Key}s, kept 24 hours per user. A claim is completed by the
 * store that performs the request's write, in the same atomic write.
 */
public interface IdempotencyStore {

    ClaimOutcome claim(String userId, String scope, String key, String requestHash, Instant now);

    /** Gives the key back after the request failed, so a retry can run it. */
    void release(IdempotencyClaim claim);
}
