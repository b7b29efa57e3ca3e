package com.todoapi.store;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.NewTask;
import com.todoapi.domain.Page;
import com.todoapi.domain.StatusFilter;
import com.todoapi.domain.Task;
import com.todoapi.domain.TaskSnapshots;
import com.todoapi.domain.TaskStore;
import com.todoapi.idempotency.IdempotencyClaim;
import com.todoapi.tasks.TaskService;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Tasks in the one table: {@code USER#<sub>} / {@code TASK#<number>}, and by status in gsi1. */
public final class DynamoTaskStore implements TaskStore {
    private static final int CREATE_ATTEMPTS = 60;

    private final Tables tables;
    private final Backoff backoff;

    public DynamoTaskStore(Tables tables) {
        this(tables, Backoff.JITTERED);
    }

    DynamoTaskStore(Tables tables, Backoff backoff) {
        this.tables = tables;
        this.backoff = backoff;
    }

    /**
     * Reads the user's task counter, then in one transaction moves it on by one (only if nobody
     * else did meanwhile), writes the task under the new number and completes the idempotency
     * claim. Concurrent creates of one user cancel each other's transactions and try again with
     * jittered waits, so numbers come out gap-free and unique.
     */
    @Override
    public Task create(String userId, NewTask input, Instant now, Optional<IdempotencyClaim> claim) {
        for (int attempt = 1; ; attempt++) {
            long last = lastTaskNumber(userId);
            Task task = Task.created(last + 1, input, now);
            try {
                StoreCalls.run(() -> tables.client().transactWriteItems(createTransaction(userId, last, task, claim)));
                return task;
            } catch (TransactionCanceledException cancelled) {
                if (claim.isPresent() && failedCondition(cancelled, 2)) {
                    throw DomainException.inFlight();
                }
                if (attempt == CREATE_ATTEMPTS) {
                    throw DomainException.conflict("Too many tasks are being created at once; retry");
                }
                backoff.pause(attempt);
            }
        }
    }

    private long lastTaskNumber(String userId) {
        CounterItem counter = StoreCalls.call(() -> tables.counters().getItem(GetItemEnhancedRequest.builder()
                .key(key(Keys.user(userId), Keys.TASK_COUNTER)).consistentRead(true).build()));
        return counter == null ? 0 : counter.last();
    }

    private TransactWriteItemsEnhancedRequest createTransaction(String userId, long last, Task task,
                                                                Optional<IdempotencyClaim> claim) {
        Expression counterUnchanged = last == 0
                ? Expression.builder().expression("attribute_not_exists(pk)").build()
                : Expression.builder().expression("#last = :last")
                        .putExpressionName("#last", "last")
                        .putExpressionValue(":last", AttributeValue.fromN(Long.toString(last))).build();
        TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(tables.counters(), TransactPutItemEnhancedRequest.builder(CounterItem.class)
                        .item(new CounterItem(Keys.user(userId), Keys.TASK_COUNTER, task.id()))
                        .conditionExpression(counterUnchanged).build())
                .addPutItem(tables.tasks(), TransactPutItemEnhancedRequest.builder(TaskItem.class)
                        .item(TaskItem.of(userId, task))
                        .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build())
                        .build());
        claim.ifPresent(held -> transaction.addPutItem(tables.idempotency(),
                DynamoIdempotencyStore.completion(held, TaskSnapshots.encode(task), task.createdAt())));
        return transaction.build();
    }

    private static boolean failedCondition(TransactionCanceledException cancelled, int index) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    @Override
    public Optional<Task> find(String userId, long taskId) {
        TaskItem item = StoreCalls.call(() -> tables.tasks().getItem(GetItemEnhancedRequest.builder()
                .key(key(Keys.user(userId), Keys.task(taskId))).consistentRead(true).build()));
        return Optional.ofNullable(item).map(TaskItem::toTask);
    }

    /**
     * One query per page, on the table for all tasks and on gsi1 for one status, so a page is
     * never thinned out by a filter. One item more than the page is read to know whether a next
     * page exists, so the last page never points at an empty one.
     */
    @Override
    public Page<Task, Long> list(String userId, StatusFilter filter, int limit, OptionalLong after) {
        long first = after.orElse(0) + 1;
        boolean all = filter == StatusFilter.ALL;
        String partition = all ? Keys.user(userId) : Keys.tasksByStatus(userId, filter == StatusFilter.COMPLETED);
        QueryEnhancedRequest query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(
                        key(partition, Keys.task(first)), key(partition, Keys.task(Keys.MAX_NUMBER))))
                .limit(limit + 1)
                .consistentRead(all)
                .build();
        SdkIterable<software.amazon.awssdk.enhanced.dynamodb.model.Page<TaskItem>> pages = StoreCalls.call(() -> all
                ? tables.tasks().query(query)
                : tables.tasks().index(Tables.STATUS_INDEX).query(query));
        List<Task> tasks = new ArrayList<>(limit + 1);
        StoreCalls.run(() -> {
            for (var page : pages) {
                for (TaskItem item : page.items()) {
                    tasks.add(item.toTask());
                }
                if (tasks.size() > limit || page.lastEvaluatedKey() == null) {
                    return;
                }
            }
        });
        if (tasks.size() > limit) {
            List<Task> shown = tasks.subList(0, limit);
            return new Page<>(shown, Optional.of(shown.get(limit - 1).id()));
        }
        return new Page<>(tasks, Optional.empty());
    }

    @Override
    public Task replace(String userId, Task updated, long readVersion) {
        try {
            StoreCalls.run(() -> tables.tasks().putItem(PutItemEnhancedRequest.builder(TaskItem.class)
                    .item(TaskItem.of(userId, updated))
                    .conditionExpression(atVersion(readVersion))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build()));
            return updated;
        } catch (ConditionalCheckFailedException e) {
            throw whyNot(e, updated.id());
        }
    }

    @Override
    public Task delete(String userId, long taskId, OptionalLong expectedVersion) {
        Expression condition = expectedVersion.isPresent()
                ? atVersion(expectedVersion.getAsLong())
                : Expression.builder().expression("attribute_exists(pk)").build();
        try {
            TaskItem deleted = StoreCalls.call(() -> tables.tasks().deleteItem(DeleteItemEnhancedRequest.builder()
                    .key(key(Keys.user(userId), Keys.task(taskId)))
                    .conditionExpression(condition)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build()));
            return deleted.toTask();
        } catch (ConditionalCheckFailedException e) {
            throw whyNot(e, taskId);
        }
    }

    private static Expression atVersion(long version) {
        return Expression.builder().expression("attribute_exists(pk) AND #version = :version")
                .putExpressionName("#version", "version")
                .putExpressionValue(":version", AttributeValue.fromN(Long.toString(version)))
                .build();
    }

    /** A failed condition means the task is gone, or it is there at another version. */
    private static DomainException whyNot(ConditionalCheckFailedException e, long taskId) {
        Map<String, AttributeValue> current = e.item();
        return current == null || current.isEmpty() ? TaskService.notFound(taskId) : TaskService.stale(taskId);
    }

    private static Key key(String partition, String sort) {
        return Key.builder().partitionValue(partition).sortValue(sort).build();
    }
}
