package com.todoapi.reminders;

import com.todoapi.tasks.Task;

import java.time.Instant;
import java.util.Optional;

/**
 * Pending reminders, spread over {@link #shards()} partitions so that each is one query, never a
 * scan. A reminder is pending from the write that sets it until it fires, or until its task is
 * completed, deleted or given another reminder time.
 */
public interface ReminderStore {

    int shards();

    /** The shard's pending reminders due at {@code now} or before, soonest first, read page by page as iterated. */
    Iterable<DueReminder> due(int shard, Instant now);

    /**
     * Records that the reminder fired at {@code now}, if and only if the task still has that
     * reminder time, is not completed and has not been reminded: one conditional write, so of two
     * workers firing the same reminder exactly one gets the task back. Empty when the condition
     * failed (fired already, or the task was changed, completed or deleted since).
     */
    Optional<Task> fire(DueReminder reminder, Instant now);
}
