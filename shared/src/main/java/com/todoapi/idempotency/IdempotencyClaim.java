package com.todoapi.idempotency;

/**
 * The right to run one request with an {@code Idempotency-Key}: held by whoever wrote
 * {@code token} into the key's record, until the record is completed, released or its lock lapses.
 */
public record IdempotencyClaim(String userId, String scope, String keyHash, String requestHash, String token) {
}
