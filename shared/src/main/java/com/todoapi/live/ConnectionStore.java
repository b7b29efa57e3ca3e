package com.todoapi.live;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The open connections in the table: under the person ({@code USER#<sub>} / {@code CONN#<id>}),
 * each found again by its id alone ({@code $disconnect} names only the connection).
 */
public interface ConnectionStore {

    /** The person's connections, oldest first: one query. */
    List<LiveConnection> list(String userId);

    /** Stores the connection; its item expires on its own at {@code expiresAt}. */
    void add(String userId, LiveConnection connection, Instant expiresAt);

    /** Deletes the connection's item, if it is there. */
    void remove(String userId, String connectionId);

    /** Whose connection this is, if the table still has it. */
    Optional<String> ownerOf(String connectionId);
}
