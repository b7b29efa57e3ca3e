package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.Page;
import com.todoapi.idempotency.IdempotencyClaim;
import com.todoapi.idempotency.IdempotencyKeys;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.idempotency.Once;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What can be done to a user's tasks, whoever asks: the task routes and the assistant's tools.
 * Every operation is scoped to one user; another user's task is simply not found. Writes can be
 * keyed ({@link Once}): a repeat with the same key gets the first result and changes nothing.
 */
public final class TaskService {
    static final String CREATE_SCOPE = "tasks.create";
    static final String UPDATE_SCOPE = "tasks.update";
    private static final int UPDATE_ATTEMPTS = 5;

    private final TaskStore store;
    private final IdempotentRunner runner;
    private final Clock clock;
    private final TaskListener listener;

    public TaskService(TaskStore store, IdempotentRunner runner, Clock clock) {
        this(store, runner, clock, TaskListener.NONE);
    }

    public TaskService(TaskStore store, IdempotentRunner runner, Clock clock, TaskListener listener) {
        this.store = store;
        this.runner = runner;
        this.clock = clock;
        this.listener = listener;
    }

    /** The created task, or with a key already used for this same request, the task it created then. */
    public Created create(String userId, NewTask input, Optional<String> idempotencyKey) {
        Optional<Once> once = idempotencyKey.map(key -> new Once(CREATE_SCOPE, IdempotencyKeys.validate(key),
                requestDigest(input)));
        IdempotentRunner.Outcome<Task> outcome = createOnce(userId, input, once);
        return new Created(outcome.value(), outcome.replayed());
    }

    /** A task with nothing planned digests as before planning existed, so keys used across a deploy still match. */
    private static String requestDigest(NewTask input) {
        return input.planning().equals(Planning.NONE) ? IdempotencyKeys.digest(input.title(), input.description())
                : IdempotencyKeys.digest(input.title(), input.description(), PlanningText.of(input.planning()));
    }

    public IdempotentRunner.Outcome<Task> createOnce(String userId, NewTask input, Optional<Once> once) {
        IdempotentRunner.Outcome<Task> outcome = runner.run(userId, once, TaskSnapshots::decode,
                claim -> store.create(userId, input, now(), claim));
        if (!outcome.replayed()) {
            listener.changed(userId, outcome.value());
        }
        return outcome;
    }

    public Task get(String userId, long taskId) {
        return store.find(userId, taskId).orElseThrow(() -> TaskRules.notFound(taskId));
    }

    public Page<Task, Long> list(String userId, StatusFilter filter, int limit, OptionalLong after) {
        return store.list(userId, filter, limit, after);
    }

    /**
     * As {@link #update}, keyed by a client's {@code Idempotency-Key} when it sent one: a PATCH sent
     * twice (a recurring task's completion above all) changes the task once, and the repeat gets
     * the task as the first left it.
     */
    public Task updateWithKey(String userId, long taskId, TaskChanges changes, VersionMatch expected,
                              Optional<String> idempotencyKey) {
        Optional<Once> once = idempotencyKey.map(key -> new Once(UPDATE_SCOPE, IdempotencyKeys.validate(key),
                IdempotencyKeys.digest(Long.toString(taskId), changes.toString())));
        return update(userId, taskId, changes, expected, once);
    }

    /**
     * A page of the tasks the query asks for, in its order, after the task at {@code after} (a
     * position from {@link TaskQuery#position}). A query of status alone is read a page at a time
     * by task number; any other reads the user's tasks of that status (one query of their own
     * items) and filters and orders them here (docs/benchmarks.md, "Searching tasks").
     */
    public Page<Task, String> search(String userId, TaskQuery query, int limit, Optional<String> after) {
        if (query.statusOnly()) {
            OptionalLong afterNumber;
            try {
                afterNumber = after.map(p -> OptionalLong.of(Long.parseLong(p.substring(p.lastIndexOf('~') + 1))))
                        .orElse(OptionalLong.empty());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("cursor", "is not a cursor this list gave out");
            }
            Page<Task, Long> page = store.list(userId, query.status(), limit, afterNumber);
            return new Page<>(page.items(), page.next().map(number -> "~" + number));
        }
        java.util.List<Task> matching = store.all(userId, query.status()).stream()
                .filter(query.filter())
                .filter(task -> after.map(position -> query.isAfter(task, position)).orElse(true))
                .sorted(query.comparator())
                .limit(limit + 1L)
                .toList();
        if (matching.size() > limit) {
            java.util.List<Task> shown = matching.subList(0, limit);
            return new Page<>(shown, Optional.of(query.position(shown.get(limit - 1))));
        }
        return new Page<>(matching, Optional.empty());
    }

    public Task update(String userId, long taskId, TaskChanges changes, VersionMatch expected) {
        return update(userId, taskId, changes, expected, Optional.empty());
    }

    /**
     * Applies the changes to the task as it is now. If another write lands between the read and
     * the write, a request that named its version gets PRECONDITION_FAILED; one that did not is
     * applied again on top of the newer task.
     */
    public Task update(String userId, long taskId, TaskChanges changes, VersionMatch expected, Optional<Once> once) {
        IdempotentRunner.Outcome<Task> outcome = runner.run(userId, once, TaskSnapshots::decode, claim -> {
            for (int attempt = 1; ; attempt++) {
                Task current = get(userId, taskId);
                if (!expected.allows(current.version())) {
                    throw TaskRules.stale(taskId);
                }
                try {
                    return store.replace(userId, changes.applyTo(current, now()), current.version(), claim);
                } catch (DomainException e) {
                    if (e.kind() != DomainException.Kind.PRECONDITION_FAILED || !expected.any()) {
                        throw e;
                    }
                    if (attempt == UPDATE_ATTEMPTS) {
                        throw DomainException.conflict("Task " + taskId + " is being changed by other requests; retry");
                    }
                }
            }
        });
        if (!outcome.replayed()) {
            listener.changed(userId, outcome.value());
        }
        return outcome.value();
    }

    public Task delete(String userId, long taskId, VersionMatch expected) {
        return delete(userId, taskId, expected, Optional.empty());
    }

    public Task delete(String userId, long taskId, VersionMatch expected, Optional<Once> once) {
        IdempotentRunner.Outcome<Task> outcome = runner.run(userId, once, TaskSnapshots::decode,
                claim -> deleteNow(userId, taskId, expected, claim));
        if (!outcome.replayed()) {
            listener.deleted(userId, taskId);
        }
        return outcome.value();
    }

    private Task deleteNow(String userId, long taskId, VersionMatch expected, Optional<IdempotencyClaim> claim) {
        if (expected.any()) {
            return store.delete(userId, taskId, OptionalLong.empty(), claim);
        }
        OptionalLong version = expected.single();
        if (version.isEmpty()) {
            Task current = get(userId, taskId);
            if (!expected.allows(current.version())) {
                throw TaskRules.stale(taskId);
            }
            version = OptionalLong.of(current.version());
        }
        return store.delete(userId, taskId, version, claim);
    }

    /** Timestamps are kept to the millisecond, as the API shows them. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A created task, and whether it was created by an earlier request with the same key. */
    public record Created(Task task, boolean replayed) {
    }
}
