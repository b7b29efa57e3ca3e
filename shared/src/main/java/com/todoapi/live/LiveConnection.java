package com.todoapi.live;

import java.time.Instant;

/** One open WebSocket connection of a person, as the table holds it. */
public record LiveConnection(String connectionId, Instant connectedAt) {
}
