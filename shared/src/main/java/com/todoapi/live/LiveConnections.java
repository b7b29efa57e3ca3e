package com.todoapi.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The register of open connections: a connect adds one (closing the person's oldest past
 * {@value #MAX_PER_USER}), a disconnect removes it. An item outlives API Gateway's 2-hour maximum
 * connection by an hour, so one whose {@code $disconnect} never came is removed by TTL.
 */
public final class LiveConnections {
    public static final int MAX_PER_USER = 10;
    /** API Gateway closes every WebSocket connection after 2 hours; the item lasts an hour more. */
    static final Duration ITEM_LIFETIME = Duration.ofHours(3);

    private final ConnectionStore store;
    private final ConnectionCloser closer;
    private final Clock clock;

    public LiveConnections(ConnectionStore store, ConnectionCloser closer, Clock clock) {
        this.store = store;
        this.closer = closer;
        this.clock = clock;
    }

    /** Registers a new connection of {@code userId}; the oldest ones beyond the cap are closed and dropped. */
    public void connected(String userId, String connectionId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<LiveConnection> open = store.list(userId);
        int excess = open.size() - (MAX_PER_USER - 1);
        for (int i = 0; i < excess; i++) {
            LiveConnection oldest = open.get(i);
            closer.close(oldest.connectionId());
            store.remove(userId, oldest.connectionId());
        }
        store.add(userId, new LiveConnection(connectionId, now), now.plus(ITEM_LIFETIME));
    }

    /** Forgets a connection that closed; nothing if it was already forgotten. */
    public void disconnected(String connectionId) {
        store.ownerOf(connectionId).ifPresent(userId -> store.remove(userId, connectionId));
    }
}
