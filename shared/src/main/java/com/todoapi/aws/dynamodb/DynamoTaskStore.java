package com.todoapi.aws.dynamodb;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.Page;
import com.todoapi.idempotency.IdempotencyClaim;
import com.todoapi.tasks.NewTask;
import com.todoapi.tasks.StatusFilter;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskRules;
import com.todoapi.tasks.TaskSnapshots;
import com.todoapi.tasks.TaskStore;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** Tasks in the one table: {@code USER#<sub>} / {@code TASK#<number>}, and by status in gsi1. */
public final class DynamoTaskStore implements TaskStore {
    private final Tables tables;
    private final NumberedCreates creates;

    public DynamoTaskStore(Tables tables) {
        this(tables, Backoff.JITTERED);
    }

    DynamoTaskStore(Tables tables, Backoff backoff) {
        this.tables = tables;
        this.creates = new NumberedCreates(tables, backoff);
    }

    /** Under the user's next task number, with the claim completed in the same transaction. */
    @Override
    public Task create(String userId, NewTask input, Instant now, Optional<IdempotencyClaim> claim) {
        return creates.create(userId, Keys.TASK_COUNTER, number -> Task.created(number, input, now),
                (transaction, task) -> transaction.addPutItem(tables.tasks(),
                        TransactPutItemEnhancedRequest.builder(TaskItem.class)
                                .item(TaskItem.of(userId, task))
                                .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build())
                                .build()),
                claim, TaskSnapshots::encode, Task::createdAt);
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

    /** The same query as a page, read to its end. */
    @Override
    public List<Task> all(String userId, StatusFilter filter) {
        boolean all = filter == StatusFilter.ALL;
        String partition = all ? Keys.user(userId) : Keys.tasksByStatus(userId, filter == StatusFilter.COMPLETED);
        QueryEnhancedRequest query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(
                        key(partition, Keys.task(1)), key(partition, Keys.task(Keys.MAX_NUMBER))))
                .consistentRead(all)
                .build();
        List<Task> tasks = new ArrayList<>();
        StoreCalls.run(() -> {
            var pages = all ? tables.tasks().query(query) : tables.tasks().index(Tables.STATUS_INDEX).query(query);
            for (var page : pages) {
                for (TaskItem item : page.items()) {
                    tasks.add(item.toTask());
                }
            }
        });
        return tasks;
    }

    @Override
    public Task replace(String userId, Task updated, long readVersion, Optional<IdempotencyClaim> claim) {
        Expression condition = atVersion(readVersion);
        TaskItem item = TaskItem.of(userId, updated);
        if (claim.isPresent()) {
            transactWithClaim(updated.id(), claim.get(), updated, b -> b.addPutItem(tables.tasks(),
                    TransactPutItemEnhancedRequest.builder(TaskItem.class).item(item).conditionExpression(condition)
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()));
            return updated;
        }
        try {
            StoreCalls.run(() -> tables.tasks().putItem(PutItemEnhancedRequest.builder(TaskItem.class)
                    .item(item)
                    .conditionExpression(condition)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build()));
            return updated;
        } catch (ConditionalCheckFailedException e) {
            throw whyNot(e.item(), updated.id());
        }
    }

    @Override
    public Task delete(String userId, long taskId, OptionalLong expectedVersion, Optional<IdempotencyClaim> claim) {
        Expression condition = expectedVersion.isPresent()
                ? atVersion(expectedVersion.getAsLong())
                : Expression.builder().expression("attribute_exists(pk)").build();
        Key key = key(Keys.user(userId), Keys.task(taskId));
        if (claim.isPresent()) {
            // The claim's record must hold the deleted task, so it is read first; the condition
            // on its version makes the read and the delete one atomic step.
            Task current = find(userId, taskId).orElseThrow(() -> TaskRules.notFound(taskId));
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw TaskRules.stale(taskId);
            }
            transactWithClaim(taskId, claim.get(), current, b -> b.addDeleteItem(tables.tasks(),
                    TransactDeleteItemEnhancedRequest.builder().key(key).conditionExpression(atVersion(current.version()))
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()));
            return current;
        }
        try {
            TaskItem deleted = StoreCalls.call(() -> tables.tasks().deleteItem(DeleteItemEnhancedRequest.builder()
                    .key(key)
                    .conditionExpression(condition)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build()));
            return deleted.toTask();
        } catch (ConditionalCheckFailedException e) {
            throw whyNot(e.item(), taskId);
        }
    }

    /** The task write (first) and the claim's completion (second) in one transaction. */
    private void transactWithClaim(long taskId, IdempotencyClaim claim, Task result,
                                   Consumer<TransactWriteItemsEnhancedRequest.Builder> taskWrite) {
        TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder();
        taskWrite.accept(transaction);
        transaction.addPutItem(tables.idempotency(),
                DynamoIdempotencyStore.completion(claim, TaskSnapshots.encode(result), result.updatedAt()));
        try {
            StoreCalls.run(() -> tables.client().transactWriteItems(transaction.build()));
        } catch (TransactionCanceledException cancelled) {
            if (NumberedCreates.failedCondition(cancelled, 0)) {
                throw whyNot(cancelled.cancellationReasons().get(0).item(), taskId);
            }
            if (NumberedCreates.failedCondition(cancelled, 1)) {
                throw DomainException.inFlight();
            }
            throw DomainException.conflict("Task " + taskId + " is being changed by other requests; retry");
        }
    }

    private static Expression atVersion(long version) {
        return Expression.builder().expression("attribute_exists(pk) AND #version = :version")
                .putExpressionName("#version", "version")
                .putExpressionValue(":version", AttributeValue.fromN(Long.toString(version)))
                .build();
    }

    /** A failed condition means the task is gone, or it is there at another version. */
    private static DomainException whyNot(Map<String, AttributeValue> current, long taskId) {
        return current == null || current.isEmpty() ? TaskRules.notFound(taskId) : TaskRules.stale(taskId);
    }

    private static Key key(String partition, String sort) {
        return Key.builder().partitionValue(partition).sortValue(sort).build();
    }
}
