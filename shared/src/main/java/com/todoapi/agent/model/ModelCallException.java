package com.todoapi.agent.model;

import java.time.Duration;
import java.util.Optional;

/**
 * A model call that did not give an answer. {@link Kind#RETRYABLE} failures (timeouts, 408, 409,
 * 429 without an exhausted quota, 5xx, the provider's throttling) may succeed if asked again,
 * after {@link #retryAfter()} when the provider said; {@link Kind#PERMANENT} ones (a bad request,
 * a bad key, a spent quota) will not. Messages never hold the prompt, the key or the model's text.
 */
public final class ModelCallException extends RuntimeException {

    public enum Kind { RETRYABLE, PERMANENT }

    private final Kind kind;
    private final Duration retryAfter;

    public ModelCallException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static ModelCallException retryable(String message, Duration retryAfter) {
        return new ModelCallException(Kind.RETRYABLE, message, retryAfter, null);
    }

    public static ModelCallException permanent(String message) {
        return new ModelCallException(Kind.PERMANENT, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.RETRYABLE;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
