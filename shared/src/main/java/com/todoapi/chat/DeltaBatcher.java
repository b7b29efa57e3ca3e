package com.todoapi.chat;

import java.util.Optional;

/**
 * Gathers the reply's text into batches for {@code reply.delta} events: a batch goes once it holds
 * {@link #BATCH_CHARS} characters or {@link #BATCH_NANOS} have passed since the last one went,
 * whichever comes first; the first piece goes at once (the time to the first words is what a
 * person waits). A burst of tokens then costs a few pushes, not one per token.
 */
final class DeltaBatcher {
    static final int BATCH_CHARS = 200;
    static final long BATCH_NANOS = 100_000_000L;

    private final StringBuilder pending = new StringBuilder();
    private long lastSent;
    private boolean sentAny;

    /** Adds a piece at {@code now} (nanoseconds); the batch to send now, if one is due. */
    Optional<String> add(String piece, long now) {
        pending.append(piece);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        if (!sentAny || pending.length() >= BATCH_CHARS || now - lastSent >= BATCH_NANOS) {
            sentAny = true;
            lastSent = now;
            return drain();
        }
        return Optional.empty();
    }

    /** What is still held, to send before any other event (a tool's, the reply's). */
    Optional<String> drain() {
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        String batch = pending.toString();
        pending.setLength(0);
        return Optional.of(batch);
    }

    /** Forgets what is held: the text starts over. */
    void discard() {
        pending.setLength(0);
        sentAny = false;
    }
}
