package com.todoapi.bench.probe;

import com.todoapi.json.Timestamps;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

import java.time.Instant;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/** A copy of the project's TaskItem (package-private there): a record under a StaticImmutableTableSchema. */
record TaskRecord(String pk, String sk, String gsi1pk, String gsi1sk, Long taskId, String title, String description,
                  Boolean completed, Instant createdAt, Instant updatedAt, Long version) {

    static final TableSchema<TaskRecord> SCHEMA = StaticImmutableTableSchema.builder(TaskRecord.class, RecordFields.class)
            .newItemBuilder(RecordFields::new, f -> new TaskRecord(f.get("pk"), f.get("sk"), f.get("gsi1pk"),
                    f.get("gsi1sk"), f.get("task_id"), f.get("title"), f.get("description"), f.get("completed"),
                    f.get("created_at"), f.get("updated_at"), f.get("version")))
            .addAttribute(String.class, RecordFields.attribute("pk", TaskRecord::pk, primaryPartitionKey()))
            .addAttribute(String.class, RecordFields.attribute("sk", TaskRecord::sk, primarySortKey()))
            .addAttribute(String.class, RecordFields.attribute("gsi1pk", TaskRecord::gsi1pk, secondaryPartitionKey("gsi1")))
            .addAttribute(String.class, RecordFields.attribute("gsi1sk", TaskRecord::gsi1sk, secondarySortKey("gsi1")))
            .addAttribute(Long.class, RecordFields.attribute("task_id", TaskRecord::taskId))
            .addAttribute(String.class, RecordFields.attribute("title", TaskRecord::title))
            .addAttribute(String.class, RecordFields.attribute("description", TaskRecord::description))
            .addAttribute(Boolean.class, RecordFields.attribute("completed", TaskRecord::completed))
            .addAttribute(Instant.class, RecordFields.attribute("created_at", TaskRecord::createdAt))
            .addAttribute(Instant.class, RecordFields.attribute("updated_at", TaskRecord::updatedAt))
            .addAttribute(Long.class, RecordFields.attribute("version", TaskRecord::version))
            .build();

    TaskAnswer answer() {
        return new TaskAnswer(taskId, title, description, completed, Timestamps.format(createdAt),
                Timestamps.format(updatedAt), version);
    }
}
