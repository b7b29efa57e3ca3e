package com.todoapi.local.lambda;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** One event on its way through a function instance's Runtime API. */
final class Invocation {
    final String requestId = UUID.randomUUID().toString();
    final byte[] payload;
    final long timeoutMillis;
    /** Completed with the deadline (epoch ms) when the runtime takes the event from {@code /next}. */
    final CompletableFuture<Long> delivered = new CompletableFuture<>();
    final CompletableFuture<InvocationResult> result = new CompletableFuture<>();

    Invocation(byte[] payload, long timeoutMillis) {
        this.payload = payload;
        this.timeoutMillis = timeoutMillis;
    }
}
