package com.todoapi.local.lambda;

import java.nio.charset.StandardCharsets;

/** How one invocation ended, as the Lambda service sees it. */
public sealed interface InvocationResult {

    /** The handler returned; {@code payload} is what it wrote. */
    record Success(byte[] payload) implements InvocationResult {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** The handler threw, or the runtime reported an error (Lambda's "function error"). */
    record FunctionError(String errorType, String body) implements InvocationResult {
    }

    /** The process died, failed to initialise, or ran past its timeout, and was stopped. */
    record Failed(String reason) implements InvocationResult {
    }

    default boolean succeeded() {
        return this instanceof Success;
    }
}
