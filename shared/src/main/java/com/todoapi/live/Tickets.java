package com.todoapi.live;

import com.todoapi.domain.SecretDigest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Single-use tickets for a browser's WebSocket connect ({@code ?ticket=}), since a browser cannot
 * set a header on a WebSocket and a bearer token in a URL would end up in logs: 256 random bits,
 * valid {@value #VALIDITY_SECONDS} s, stored only as a digest (a table read gives no usable ticket),
 * consumed by the connect that presents it.
 */
public final class Tickets {
    public static final long VALIDITY_SECONDS = 60;
    private static final int RANDOM_BYTES = 32;
    /** A ticket's text: 43 characters of base64url, no padding. */
    private static final int LENGTH = 43;

    private final TicketStore store;
    private final Clock clock;

    public Tickets(TicketStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Issued issue(String userId) {
        byte[] bytes = new byte[RANDOM_BYTES];
        // A SecureRandom made for this ticket, never one kept in the process: a SnapStart snapshot
        // must not hold a generator's state that every restored instance would then share.
        new SecureRandom().nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofSeconds(VALIDITY_SECONDS));
        store.put(digest(ticket), userId, expiresAt);
        return new Issued(ticket, expiresAt);
    }

    /** The ticket's owner, once: a ticket used, expired, unknown or malformed gives nothing. */
    public Optional<String> redeem(String ticket) {
        if (ticket == null || ticket.length() != LENGTH || !ticket.chars().allMatch(Tickets::isBase64Url)) {
            return Optional.empty();
        }
        return store.consume(digest(ticket), clock.instant());
    }

    static String digest(String ticket) {
        return SecretDigest.of(ticket);
    }

    private static boolean isBase64Url(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    public record Issued(String ticket, Instant expiresAt) {
    }
}
