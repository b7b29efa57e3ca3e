package com.todoapi.apikeys;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A key as its owner sees it again: never the key itself, nor its digest. */
public record ApiKey(long id, String name, String prefix, Set<Scope> scopes, Instant createdAt,
                     Optional<Instant> expiresAt, Optional<Instant> lastUsedAt) {
    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt.isPresent() && !now.isBefore(expiresAt.get());
    }
}
