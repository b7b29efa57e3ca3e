package com.todoapi.apikeys;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.FieldProblem;
import com.todoapi.domain.Page;
import com.todoapi.domain.PlainText;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Personal API keys: made, listed, revoked by their owner (signed in with a JWT: keys never
 * manage keys), and checked on every request that presents one. No cache anywhere: a revoked
 * or expired key is refused by the very next request, on any instance.
 */
public final class ApiKeyService {
    public static final int MAX_LIVE_KEYS = 20;
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_EXPIRY_DAYS = 365;
    /** {@code last_used_at} is written at most this often per key, so a busy key costs a read, not a write. */
    public static final Duration USE_RECORDING_INTERVAL = Duration.ofHours(1);

    private final ApiKeyStore store;
    private final Clock clock;

    public ApiKeyService(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A key just made, and its text: shown in this response and never again. */
    public record Created(ApiKey key, String secret) {
    }

    /**
     * A new key. {@code scopes} absent means both; {@code expiresInDays} absent means it never expires.
     * Invalid input is INVALID; a 21st live key is CONFLICT.
     */
    public Created create(String userId, Optional<String> name, Optional<List<String>> scopes, Optional<Long> expiresInDays) {
        List<FieldProblem> problems = new ArrayList<>();
        String trimmed = name.map(String::strip).orElse(null);
        if (trimmed == null) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (trimmed.isEmpty()) {
            problems.add(new FieldProblem("name", "must not be empty"));
        } else if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH) {
            problems.add(new FieldProblem("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        } else {
            PlainText.problem(trimmed, PlainText.Lines.ONE).ifPresent(p -> problems.add(new FieldProblem("name", p)));
        }
        Set<Scope> granted = EnumSet.noneOf(Scope.class);
        if (scopes.isEmpty()) {
            granted.addAll(Scope.all());
        } else if (scopes.get().isEmpty()) {
            problems.add(new FieldProblem("scopes", "must name at least one scope (read, write)"));
        } else {
            for (String scope : scopes.get()) {
                Optional<Scope> known = Scope.parse(scope);
                if (known.isEmpty()) {
                    problems.add(new FieldProblem("scopes", "must hold only \"read\" and \"write\""));
                    break;
                }
                granted.add(known.get());
            }
        }
        if (expiresInDays.isPresent() && expiresInDays.get() > MAX_EXPIRY_DAYS) {
            problems.add(new FieldProblem("expires_in_days", "must be from 1 to " + MAX_EXPIRY_DAYS));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        Instant now = clock.instant();
        // A SecureRandom made for this key, never one kept in the process: a SnapStart snapshot
        // must not hold a generator's state that every restored instance would then share.
        String secret = ApiKeyFormat.generate(new SecureRandom());
        Optional<Instant> expiresAt = expiresInDays.map(days -> now.plus(Duration.ofDays(days)));
        ApiKey key = store.create(userId, new ApiKeyStore.NewKey(trimmed, ApiKeyFormat.shownPrefix(secret), granted,
                expiresAt), ApiKeyFormat.digest(secret), MAX_LIVE_KEYS, now);
        return new Created(key, secret);
    }

    public Page<ApiKey, Long> list(String userId, int limit, OptionalLong after) {
        return store.list(userId, limit, after, clock.instant());
    }

    /** NOT_FOUND when the owner has no such key (another user's key looks the same). */
    public void revoke(String userId, long keyId) {
        if (!store.revoke(userId, keyId)) {
            throw DomainException.notFound("API key " + keyId + " not found");
        }
    }

    /**
     * Who a presented key belongs to, or empty when it is not a live key: malformed or failing its
     * checksum (answered without reading the table), unknown, revoked, or expired. A live key's
     * use is recorded when the last recorded one is over an hour old.
     */
    public Optional<KeyGrant> authenticate(String presented) {
        if (!ApiKeyFormat.isWellFormed(presented)) {
            return Optional.empty();
        }
        String digest = ApiKeyFormat.digest(presented);
        Optional<KeyGrant> grant = store.find(digest);
        Instant now = clock.instant();
        if (grant.isEmpty() || grant.get().expiresAt().map(at -> !now.isBefore(at)).orElse(false)) {
            return Optional.empty();
        }
        Instant notBefore = now.minus(USE_RECORDING_INTERVAL);
        if (grant.get().lastUsedAt().map(at -> at.isBefore(notBefore)).orElse(true)) {
            store.recordUse(digest, now, notBefore);
        }
        return grant;
    }
}
