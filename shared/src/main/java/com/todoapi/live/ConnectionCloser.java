package com.todoapi.live;

/** Closes a connection at the WebSocket API ({@code DELETE @connections/{id}}); never throws. */
@FunctionalInterface
public interface ConnectionCloser {

    ConnectionCloser NONE = connectionId -> { };

    void close(String connectionId);
}
