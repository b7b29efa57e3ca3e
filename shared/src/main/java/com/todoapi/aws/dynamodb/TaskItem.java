package com.todoapi.aws.dynamodb;

import com.todoapi.tasks.Planning;
import com.todoapi.tasks.Priority;
import com.todoapi.tasks.Recurrence;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskTime;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/**
 * A task as stored: its keys, the keys of gsi1, which lists a user's tasks by status, and what is
 * planned for it. Every planning attribute is left out when unset, so a task written before they
 * existed reads as one with nothing planned. {@code remind_at} is the reminder's resolved instant
 * ({@link Instant#toString()}, always to the second, so it sorts as time does): the sort key of the
 * reminder index, whose partition key {@code remind_shard} is there only while the reminder is pending.
 */
record TaskItem(String pk, String sk, String gsi1pk, String gsi1sk, Long taskId, String title, String description,
                Boolean completed, Instant createdAt, Instant updatedAt, Long version,
                String due, Instant dueAt, String priority, List<String> labels, String recurrence, Long occurrence,
                String remind, Instant remindAt, Instant remindedAt, String remindShard) {

    static final TableSchema<TaskItem> SCHEMA = StaticImmutableTableSchema.builder(TaskItem.class, ItemFields.class)
            .newItemBuilder(ItemFields::new, f -> new TaskItem(f.get("pk"), f.get("sk"), f.get("gsi1pk"), f.get("gsi1sk"),
                    f.get("task_id"), f.get("title"), f.get("description"), f.get("completed"),
                    f.get("created_at"), f.get("updated_at"), f.get("version"),
                    f.get("due"), f.get("due_at"), f.get("priority"), f.get("labels"), f.get("recurrence"),
                    f.get("occurrence"), f.get("remind"), f.get("remind_at"), f.get("reminded_at"),
                    f.get("remind_shard")))
            .addAttribute(String.class, ItemFields.attribute("pk", TaskItem::pk, primaryPartitionKey()))
            .addAttribute(String.class, ItemFields.attribute("sk", TaskItem::sk, primarySortKey()))
            .addAttribute(String.class, ItemFields.attribute("gsi1pk", TaskItem::gsi1pk,
                    secondaryPartitionKey(Tables.STATUS_INDEX)))
            .addAttribute(String.class, ItemFields.attribute("gsi1sk", TaskItem::gsi1sk,
                    secondarySortKey(Tables.STATUS_INDEX)))
            .addAttribute(Long.class, ItemFields.attribute("task_id", TaskItem::taskId))
            .addAttribute(String.class, ItemFields.attribute("title", TaskItem::title))
            .addAttribute(String.class, ItemFields.attribute("description", TaskItem::description))
            .addAttribute(Boolean.class, ItemFields.attribute("completed", TaskItem::completed))
            .addAttribute(Instant.class, ItemFields.instant("created_at", TaskItem::createdAt))
            .addAttribute(Instant.class, ItemFields.instant("updated_at", TaskItem::updatedAt))
            .addAttribute(Long.class, ItemFields.attribute("version", TaskItem::version))
            .addAttribute(String.class, ItemFields.attribute("due", TaskItem::due))
            .addAttribute(Instant.class, ItemFields.instant("due_at", TaskItem::dueAt))
            .addAttribute(String.class, ItemFields.attribute("priority", TaskItem::priority))
            .addAttribute(EnhancedType.listOf(String.class), ItemFields.attribute("labels", TaskItem::labels))
            .addAttribute(String.class, ItemFields.attribute("recurrence", TaskItem::recurrence))
            .addAttribute(Long.class, ItemFields.attribute("occurrence", TaskItem::occurrence))
            .addAttribute(String.class, ItemFields.attribute("remind", TaskItem::remind))
            .addAttribute(Instant.class, ItemFields.instant("remind_at", TaskItem::remindAt,
                    secondarySortKey(Tables.REMINDER_INDEX)))
            .addAttribute(Instant.class, ItemFields.instant("reminded_at", TaskItem::remindedAt))
            .addAttribute(String.class, ItemFields.attribute("remind_shard", TaskItem::remindShard,
                    secondaryPartitionKey(Tables.REMINDER_INDEX)))
            .build();

    static TaskItem of(String userId, Task task) {
        String sortKey = Keys.task(task.id());
        Planning p = task.planning();
        return new TaskItem(Keys.user(userId), sortKey, Keys.tasksByStatus(userId, task.completed()), sortKey,
                task.id(), task.title(), task.description(), task.completed(),
                task.createdAt(), task.updatedAt(), task.version(),
                p.due().map(TaskTime::given).orElse(null), p.due().flatMap(TaskTime::at).orElse(null),
                p.priority() == Priority.NONE ? null : p.priority().wireName(),
                p.labels().isEmpty() ? null : p.labels(),
                p.recurrence().map(Recurrence::text).orElse(null),
                p.recurrence().isPresent() ? (long) p.occurrence() : null,
                p.remind().map(TaskTime::given).orElse(null), p.remindInstant().orElse(null),
                p.remindedAt().orElse(null),
                remindPending(task) ? Keys.reminders(userId) : null);
    }

    /**
     * Whether the reminder is still to fire: only then is the item in the reminder index (its
     * {@code remind_shard} set), so the index holds pending reminders and nothing else.
     */
    static boolean remindPending(Task task) {
        return task.planning().remindInstant().isPresent() && !task.completed()
                && task.planning().remindedAt().isEmpty();
    }

    Task toTask() {
        Planning planning = new Planning(
                Optional.ofNullable(due).map(text -> TaskTime.stored(text, dueAt)),
                Priority.stored(priority),
                labels == null ? List.of() : labels,
                Optional.ofNullable(recurrence).map(text -> Recurrence.parse("recurrence", text)),
                occurrence == null ? 1 : occurrence.intValue(),
                Optional.ofNullable(remind).map(text -> TaskTime.stored(text, remindAt)),
                Optional.ofNullable(remindedAt));
        return new Task(taskId, title, description == null ? "" : description, Boolean.TRUE.equals(completed),
                createdAt, updatedAt, version, planning);
    }
}
