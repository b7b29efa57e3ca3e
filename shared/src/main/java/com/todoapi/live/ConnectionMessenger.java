package com.todoapi.live;

import com.fasterxml.jackson.databind.JsonNode;

/** Sends one event to one connection (the answer to a client's own message); never throws. */
@FunctionalInterface
public interface ConnectionMessenger {

    ConnectionMessenger NONE = (connectionId, event) -> { };

    void send(String connectionId, JsonNode event);
}
