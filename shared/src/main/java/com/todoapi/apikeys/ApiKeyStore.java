package com.todoapi.apikeys;

import com.todoapi.domain.Page;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where keys are kept, by their digest only (docs/architecture.md, "Data model"). A key is two
 * items: one under its digest (read on every request that presents it) and one under its owner
 * (counted against the limit, and the way to its digest when it is revoked).
 */
public interface ApiKeyStore {
    /** The key whose SHA-256 digest is {@code digest}: one strongly consistent read. */
    Optional<KeyGrant> find(String digest);

    /**
     * Stores a new key under the owner's next key number, in one transaction that also checks the
     * owner has fewer than {@code maxLive} unexpired keys; DomainException CONFLICT past that.
     */
    ApiKey create(String userId, NewKey key, String digest, int maxLive, Instant now);

    /** The owner's keys, oldest first, expired ones left out. */
    Page<ApiKey, Long> list(String userId, int limit, OptionalLong after, Instant now);

    /** Deletes the key; false when the owner has no such key. */
    boolean revoke(String userId, long keyId);

    /** Records a use at {@code now} unless one after {@code notBefore} is recorded (a conditional update). */
    void recordUse(String digest, Instant now, Instant notBefore);

    /** A key to be stored: the digest aside, all that is kept of it. */
    record NewKey(String name, String prefix, java.util.Set<Scope> scopes, Optional<Instant> expiresAt) {
    }
}
