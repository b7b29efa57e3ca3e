package com.todoapi.tasks;

import com.todoapi.domain.Page;
import com.todoapi.idempotency.IdempotencyClaim;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** Where a user's tasks live. Every method is scoped to one user: another user's task does not exist. */
public interface TaskStore {

    /**
     * Creates the task under the user's next task number. The number is allocated in the same
     * atomic write as the task and, when given, the completion of the idempotency claim.
     */
    Task create(String userId, NewTask task, Instant now, Optional<IdempotencyClaim> claim);

    Optional<Task> find(String userId, long taskId);

    /** Up to {@code limit} tasks, oldest first, after task number {@code after} when given. */
    Page<Task, Long> list(String userId, StatusFilter filter, int limit, OptionalLong after);

    /**
     * Every task of the user with that status, in task-number order: one query of the user's own
     * items (never a scan), read through all its pages, for a list filtered or ordered by more than status.
     */
    java.util.List<Task> all(String userId, StatusFilter filter);

    /**
     * Writes {@code updated} over the stored task if the stored one is still at {@code readVersion}.
     * Throws NOT_FOUND if the task is gone, PRECONDITION_FAILED if it has moved on. A claim, when
     * given, is completed in the same atomic write.
     */
    Task replace(String userId, Task updated, long readVersion, Optional<IdempotencyClaim> claim);

    /**
     * Deletes the task; with {@code expectedVersion}, only if it is still at that version. A claim,
     * when given, is completed in the same atomic write.
     */
    Task delete(String userId, long taskId, OptionalLong expectedVersion, Optional<IdempotencyClaim> claim);
}
