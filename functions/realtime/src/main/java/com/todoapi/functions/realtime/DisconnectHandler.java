package com.todoapi.functions.realtime;

import com.todoapi.lambda.WebSocketEvent;
import com.todoapi.lambda.WebSocketFunction;
import com.todoapi.live.LiveConnections;
import com.todoapi.wiring.Services;

/**
 * {@code $disconnect}: deletes the connection's item. API Gateway sends it on a best-effort basis;
 * an item whose disconnect never came is deleted by the first post that gets 410, or by its TTL.
 */
public final class DisconnectHandler extends WebSocketFunction {
    /** A connection nobody has: priming reads the index once and deletes nothing. */
    private static final String PRIMING_EVENT = """
            {"headers":{},"requestContext":{"routeKey":"$disconnect","eventType":"DISCONNECT",
              "connectionId":"snapstart-priming","requestId":"snapstart-priming","disconnectStatusCode":1000,
              "disconnectReason":""},"isBase64Encoded":false}""";

    private final LiveConnections connections;

    public DisconnectHandler() {
        this(Services.fromEnvironment());
    }

    DisconnectHandler(Services services) {
        this.connections = services.liveConnections();
    }

    @Override
    protected int handle(WebSocketEvent event) {
        connections.disconnected(event.connectionId());
        return 200;
    }

    @Override
    protected String primingEvent() {
        return PRIMING_EVENT;
    }
}
