package com.todoapi.aws.dynamodb;

import com.todoapi.tasks.Task;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

import java.time.Instant;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/** A task as stored: its keys, and the keys of gsi1, which lists a user's tasks by status. */
record TaskItem(String pk, String sk, String gsi1pk, String gsi1sk, Long taskId, String title, String description,
                Boolean completed, Instant createdAt, Instant updatedAt, Long version) {

    static final TableSchema<TaskItem> SCHEMA = StaticImmutableTableSchema.builder(TaskItem.class, ItemFields.class)
            .newItemBuilder(ItemFields::new, f -> new TaskItem(f.get("pk"), f.get("sk"), f.get("gsi1pk"), f.get("gsi1sk"),
                    f.get("task_id"), f.get("title"), f.get("description"), f.get("completed"),
                    f.get("created_at"), f.get("updated_at"), f.get("version")))
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
            .build();

    static TaskItem of(String userId, Task task) {
        String sortKey = Keys.task(task.id());
        return new TaskItem(Keys.user(userId), sortKey, Keys.tasksByStatus(userId, task.completed()), sortKey,
                task.id(), task.title(), task.description(), task.completed(),
                task.createdAt(), task.updatedAt(), task.version());
    }

    Task toTask() {
        return new Task(taskId, title, description == null ? "" : description, Boolean.TRUE.equals(completed),
                createdAt, updatedAt, version);
    }
}
