package com.todoapi.live;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Pushes events to a person's open live connections (the WebSocket API, docs/realtime.md). The
 * table is the truth, not the socket: a push that fails is dropped and counted, never retried into
 * the caller's time and never thrown, so pushing can neither fail nor stall the work that caused it.
 */
public interface LivePublisher {

    /** Publishes nothing: for work that has no one to tell, and for tests that do not listen. */
    LivePublisher NONE = (userId, event) -> { };

    /** Sends {@code event} (a JSON object with a {@code type}) to every open connection of {@code userId}. */
    void publish(String userId, JsonNode event);

    /**
     * A channel to one person for a burst of events (a streamed reply): an implementation may read
     * their connections once for the whole burst instead of once per event.
     */
    default LiveChannel open(String userId) {
        return event -> publish(userId, event);
    }
}
