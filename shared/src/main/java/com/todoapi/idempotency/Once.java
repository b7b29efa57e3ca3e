package com.todoapi.idempotency;

/**
 * Asks for an action to take effect once per key: {@code scope} keeps the keys of different
 * actions apart (a route, or the assistant's tool calls), {@code requestHash} tells a retry of
 * the same request from another request that reuses the key.
 */
public record Once(String scope, String key, String requestHash) {
}
