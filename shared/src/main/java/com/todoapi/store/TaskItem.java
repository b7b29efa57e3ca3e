package com.todoapi.store;

import com.todoapi.domain.Task;
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
            .addAttribute(String.class, a -> a.name("pk").getter(TaskItem::pk).setter(ItemFields.set("pk"))
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("sk").getter(TaskItem::sk).setter(ItemFields.set("sk"))
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("gsi1pk").getter(TaskItem::gsi1pk).setter(ItemFields.set("gsi1pk"))
                    .tags(secondaryPartitionKey(Tables.STATUS_INDEX)))
            .addAttribute(String.class, a -> a.name("gsi1sk").getter(TaskItem::gsi1sk).setter(ItemFields.set("gsi1sk"))
                    .tags(secondarySortKey(Tables.STATUS_INDEX)))
            .addAttribute(Long.class, a -> a.name("task_id").getter(TaskItem::taskId).setter(ItemFields.set("task_id")))
            .addAttribute(String.class, a -> a.name("title").getter(TaskItem::title).setter(ItemFields.set("title")))
            .addAttribute(String.class, a -> a.name("description").getter(TaskItem::description)
                    .setter(ItemFields.set("description")))
            .addAttribute(Boolean.class, a -> a.name("completed").getter(TaskItem::completed)
                    .setter(ItemFields.set("completed")))
            .addAttribute(Instant.class, a -> a.name("created_at").getter(TaskItem::createdAt)
                    .setter(ItemFields.set("created_at")))
            .addAttribute(Instant.class, a -> a.name("updated_at").getter(TaskItem::updatedAt)
                    .setter(ItemFields.set("updated_at")))
            .addAttribute(Long.class, a -> a.name("version").getter(TaskItem::version).setter(ItemFields.set("version")))
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
