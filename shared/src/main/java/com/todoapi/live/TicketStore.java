package com.todoapi.live;

import java.time.Instant;
import java.util.Optional;

/** Connect tickets, kept only as their SHA-256 digests. */
public interface TicketStore {

    void put(String digest, String userId, Instant expiresAt);

    /**
     * Deletes the ticket if it is there and not expired at {@code now} (one conditional delete, so two
     * connects racing with the same ticket cannot both win), and gives its owner.
     */
    Optional<String> consume(String digest, Instant now);
}
