package com.todoapi.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.live.LivePublisher;
import com.todoapi.log.RequestLog;
import com.todoapi.metrics.Metric;
import com.todoapi.metrics.Metrics;
import com.todoapi.tasks.Task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Fires every reminder that is due: once a minute, each shard of the reminder index is read for
 * what is due at the tick or before (so a reminder whose minute passed while nothing ran fires late,
 * once), each is fired by a conditional write, and only the one write that succeeded pushes
 * {@code {"type": "reminder", "task": {...}}} to the person's open connections. Shards run in
 * parallel; a tick that runs out of {@code budget} leaves the rest to the next one, which finds
 * them still pending.
 */
public final class ReminderFirer {
    public static final String EVENT_TYPE = "reminder";

    private final ReminderStore store;
    private final LivePublisher live;
    private final Function<Task, JsonNode> view;
    private final Clock clock;
    private final Duration budget;

    /** {@code view} renders the task as the REST API shows it. */
    public ReminderFirer(ReminderStore store, LivePublisher live, Function<Task, JsonNode> view, Clock clock,
                         Duration budget) {
        this.store = store;
        this.live = live;
        this.view = view;
        this.clock = clock;
        this.budget = budget;
    }

    public Tick tick() {
        Instant now = clock.instant();
        Instant stopAt = now.plus(budget);
        List<Tick> shards = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Tick>> running = new ArrayList<>();
            for (int shard = 0; shard < store.shards(); shard++) {
                int s = shard;
                running.add(pool.submit(() -> fireShard(s, now, stopAt)));
            }
            for (Future<Tick> shard : running) {
                shards.add(shard.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while firing reminders", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        Tick tick = shards.stream().reduce(new Tick(0, 0, 0, 0), Tick::plus);
        RequestLog.work("INFO", "reminders", Map.of("fired", tick.fired(), "skipped", tick.skipped(),
                "left", tick.left(), "latest_lag_ms", tick.maxLagMillis()), null);
        return tick;
    }

    private Tick fireShard(int shard, Instant now, Instant stopAt) {
        int fired = 0;
        int skipped = 0;
        int left = 0;
        long maxLag = 0;
        for (DueReminder due : store.due(shard, now)) {
            if (clock.instant().isAfter(stopAt)) {
                left++;
                break;
            }
            Instant firedAt = clock.instant();
            var task = store.fire(due, firedAt);
            if (task.isEmpty()) {
                skipped++;
                continue;
            }
            live.publish(due.userId(), event(task.get()));
            fired++;
            maxLag = Math.max(maxLag, Duration.between(due.remindAt(), firedAt).toMillis());
        }
        return new Tick(fired, skipped, left, maxLag);
    }

    private ObjectNode event(Task task) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("type", EVENT_TYPE);
        event.set("task", view.apply(task));
        return event;
    }

    /**
     * What a tick did: reminders fired, found but not fired (fired by another worker, or changed
     * since the index was read), shards cut short by the time budget (their rest is the next tick's);
     * the largest delay from a reminder's time to its firing.
     */
    public record Tick(int fired, int skipped, int left, long maxLagMillis) {
        /** Reminders fired (zeros included, so the series stays whole) and the largest lag. */
        public Metrics metrics() {
            Metrics metrics = new Metrics();
            metrics.add(Metric.REMINDERS_FIRED, fired);
            if (fired > 0) {
                metrics.add(Metric.REMINDER_LAG, maxLagMillis);
            }
            return metrics;
        }

        Tick plus(Tick other) {
            return new Tick(fired + other.fired, skipped + other.skipped, left + other.left,
                    Math.max(maxLagMillis, other.maxLagMillis));
        }
    }
}
