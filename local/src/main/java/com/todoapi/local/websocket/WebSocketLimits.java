package com.todoapi.local.websocket;

import java.time.Duration;

/**
 * API Gateway's WebSocket quotas that the local gateway enforces (API Gateway developer guide,
 * "Amazon API Gateway quotas for configuring and running a WebSocket API"): a connection idle for
 * 10 minutes is closed, none lives over 2 hours, and a frame over 32 KB or a message over 128 KB
 * closes the connection with 1009 (RFC 6455 section 7.4.1, "message too big"). Tests shorten the
 * timeouts to prove them in seconds.
 */
public record WebSocketLimits(Duration idleTimeout, Duration maxConnectionDuration, int maxFrameBytes, int maxMessageBytes) {
    public static final WebSocketLimits AWS = new WebSocketLimits(Duration.ofMinutes(10), Duration.ofHours(2),
            32 * 1024, 128 * 1024);

    public WebSocketLimits withTimeouts(Duration idle, Duration maxDuration) {
        return new WebSocketLimits(idle, maxDuration, maxFrameBytes, maxMessageBytes);
    }
}
