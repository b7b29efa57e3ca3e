package com.todoapi.local.websocket;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Jetty's side of one accepted connection: hands every message and the close to the gateway.
 * Public because Jetty reaches listeners through method handles.
 */
public final class ConnectionListener implements Session.Listener.AutoDemanding {
    private final WebSocketGateway gateway;
    private final Connection connection;

    ConnectionListener(WebSocketGateway gateway, Connection connection) {
        this.gateway = gateway;
        this.connection = connection;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        connection.opened(session);
        gateway.opened(connection);
    }

    @Override
    public void onWebSocketText(String message) {
        gateway.message(connection, message, false);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        callback.succeed();
        gateway.message(connection, Base64.getEncoder().encodeToString(bytes), true);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        gateway.closed(connection, statusCode, reason);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // Jetty closes the session after an error and reports the close to onWebSocketClose.
    }
}
