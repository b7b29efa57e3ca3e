package com.todoapi.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.live.LiveChannel;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Sends a turn's live events in order on a thread of its own, so a slow push never holds the
 * model's stream or the turn: events wait in a bounded queue (past {@link #CAPACITY} they are
 * dropped: deltas are previews, the stored reply is the truth), and closing waits at most the
 * given budget for the queue to empty, then gives up on the rest. A push that throws is dropped.
 */
final class EventPump implements AutoCloseable {
    static final int CAPACITY = 512;

    /** Put last on the queue by {@link #close()}: the sender stops at it. */
    private final JsonNode end = com.todoapi.json.Json.MAPPER.getNodeFactory().objectNode();
    private final LiveChannel channel;
    private final BlockingQueue<JsonNode> queue = new ArrayBlockingQueue<>(CAPACITY + 1);
    private final Duration drainBudget;
    private Thread sender;
    private int dropped;

    EventPump(LiveChannel channel, Duration drainBudget) {
        this.channel = channel;
        this.drainBudget = drainBudget;
    }

    /** A pump that sends nothing and starts no thread. */
    static EventPump discarding() {
        return new EventPump(null, Duration.ZERO);
    }

    void send(JsonNode event) {
        if (channel == null) {
            return;
        }
        if (sender == null) {
            // A platform thread: a virtual one would load its scheduler's classes into the worker's cold start.
            sender = Thread.ofPlatform().daemon().name("live-events").start(this::run);
        }
        if (queue.size() >= CAPACITY || !queue.offer(event)) {
            synchronized (this) {
                dropped++;
            }
        }
    }

    /** Events not sent because the queue was full or a push failed, so far. */
    synchronized int dropped() {
        return dropped;
    }

    private void run() {
        try {
            for (JsonNode event = queue.take(); event != end; event = queue.take()) {
                try {
                    channel.send(event);
                } catch (RuntimeException failed) { // the channel promises not to throw; a turn must not depend on it
                    synchronized (this) {
                        dropped++;
                    }
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (sender == null) {
            return;
        }
        queue.offer(end);
        try {
            if (!sender.join(drainBudget)) {
                sender.interrupt();
            }
        } catch (InterruptedException interrupted) {
            sender.interrupt();
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            dropped += queue.size();
        }
        queue.clear();
    }
}
