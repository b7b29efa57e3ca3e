package com.todoapi.aws.dynamodb;

import com.todoapi.reminders.DueReminder;
import com.todoapi.reminders.ReminderStore;
import com.todoapi.tasks.Task;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Pending reminders in the table's {@code reminders} index: a task item is in it while it has
 * {@code remind_shard} ({@code REMIND#<n>}, written by {@link TaskItem#of} only while its reminder
 * is still to fire), sorted by {@code remind_at}. Finding the due ones is a Query per shard on
 * {@code remind_at <= now}, keys only; firing is one conditional UpdateItem on the task.
 */
public final class DynamoReminderStore implements ReminderStore {
    private final Tables tables;

    public DynamoReminderStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public int shards() {
        return Keys.REMINDER_SHARDS;
    }

    @Override
    public Iterable<DueReminder> due(int shard, Instant now) {
        QueryRequest query = QueryRequest.builder()
                .tableName(tables.tableName())
                .indexName(Tables.REMINDER_INDEX)
                .keyConditionExpression("remind_shard = :shard AND remind_at <= :now")
                .expressionAttributeValues(Map.of(
                        ":shard", AttributeValue.fromS(Keys.reminders(shard)),
                        // In the stored shape, to the second: "…T09:00:00.250Z" sorts before "…T09:00:00Z"
                        // ('.' < 'Z'), so a tick in the reminder's own second would miss it.
                        ":now", AttributeValue.fromS(now.truncatedTo(ChronoUnit.SECONDS).toString())))
                .build();
        return () -> StreamSupport.stream(
                        StoreCalls.call(() -> tables.dynamoDb().queryPaginator(query).items()).spliterator(), false)
                .map(DynamoReminderStore::due)
                .iterator();
    }

    /**
     * {@code SET reminded_at, version + 1 REMOVE remind_shard} if the task still has this
     * reminder, pending: the item leaves the index in the same write, and the version moves so
     * that a change read before the fire (a PATCH's put on the version it read) cannot write the
     * reminder back as pending.
     */
    @Override
    public Optional<Task> fire(DueReminder reminder, Instant now) {
        UpdateItemRequest update = UpdateItemRequest.builder()
                .tableName(tables.tableName())
                .key(Map.of("pk", AttributeValue.fromS(Keys.user(reminder.userId())),
                        "sk", AttributeValue.fromS(Keys.task(reminder.taskId()))))
                .conditionExpression("remind_shard = :shard AND remind_at = :at AND attribute_not_exists(reminded_at)"
                        + " AND (attribute_not_exists(completed) OR completed = :false)")
                .updateExpression("SET reminded_at = :now, #version = #version + :one REMOVE remind_shard")
                .expressionAttributeNames(Map.of("#version", "version"))
                .expressionAttributeValues(Map.of(
                        ":shard", AttributeValue.fromS(Keys.reminders(reminder.userId())),
                        ":at", AttributeValue.fromS(reminder.remindAt().toString()),
                        ":false", AttributeValue.fromBool(false),
                        ":now", AttributeValue.fromS(now.toString()),
                        ":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.ALL_NEW)
                .build();
        try {
            Map<String, AttributeValue> item = StoreCalls.call(() -> tables.dynamoDb().updateItem(update)).attributes();
            return Optional.of(TaskItem.SCHEMA.mapToItem(item).toTask());
        } catch (ConditionalCheckFailedException notPendingAnyMore) {
            return Optional.empty();
        }
    }

    private static DueReminder due(Map<String, AttributeValue> keys) {
        String userId = keys.get("pk").s().substring(Keys.user("").length());
        long taskId = Long.parseLong(keys.get("sk").s().substring(Keys.TASK_PREFIX.length()));
        return new DueReminder(userId, taskId, Instant.parse(keys.get("remind_at").s()));
    }
}
