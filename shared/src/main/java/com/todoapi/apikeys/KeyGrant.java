package com.todoapi.apikeys;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** What the table says of a presented key: whose it is, what it may do, until when, when last used. */
public record KeyGrant(String userId, long keyId, Set<Scope> scopes, Optional<Instant> expiresAt,
                       Optional<Instant> lastUsedAt) {
    public KeyGrant {
        scopes = Set.copyOf(scopes);
    }
}
