package com.todoapi.local.websocket;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The open connections by id: what the {@code @connections} endpoint answers about. */
final class Connections {
    private final ConcurrentHashMap<String, Connection> byId = new ConcurrentHashMap<>();

    void add(Connection connection) {
        byId.put(connection.id(), connection);
    }

    Optional<Connection> get(String id) {
        return Optional.ofNullable(byId.get(id)).filter(Connection::open);
    }

    void remove(Connection connection) {
        byId.remove(connection.id(), connection);
    }

    Collection<Connection> all() {
        return byId.values();
    }
}
