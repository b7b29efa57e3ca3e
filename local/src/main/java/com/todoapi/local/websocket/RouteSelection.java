package com.todoapi.local.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * Evaluates a route selection expression on an incoming message as API Gateway does (developer
 * guide, "Working with routes for WebSocket APIs"): {@code $request.body.<path>} reads a property
 * of the JSON message (dots go deeper); a message that is not JSON, or has no such property, or
 * whose value is not a string, selects nothing, and the caller falls back to {@code $default}.
 */
final class RouteSelection {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY_PREFIX = "$request.body.";

    private final String[] path;

    RouteSelection(String expression) {
        if (!expression.startsWith(BODY_PREFIX)) {
            throw new IllegalArgumentException("The local WebSocket API knows only $request.body.* route selection expressions, not "
                    + expression);
        }
        this.path = expression.substring(BODY_PREFIX.length()).split("\\.");
    }

    Optional<String> select(String message) {
        JsonNode node;
        try {
            node = JSON.readTree(message);
        } catch (IOException notJson) {
            return Optional.empty();
        }
        for (String key : path) {
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            node = node.get(key);
        }
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
