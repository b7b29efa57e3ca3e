package com.todoapi.bench.probe;

import com.todoapi.json.Timestamps;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

import java.time.Instant;

/** The stored task as an immutable class with a builder, for TableSchema.fromImmutableClass. */
@DynamoDbImmutable(builder = ImmutableTask.Builder.class)
public final class ImmutableTask {
    private final String pk;
    private final String sk;
    private final String gsi1pk;
    private final String gsi1sk;
    private final Long taskId;
    private final String title;
    private final String description;
    private final Boolean completed;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Long version;

    private ImmutableTask(Builder b) {
        this.pk = b.pk;
        this.sk = b.sk;
        this.gsi1pk = b.gsi1pk;
        this.gsi1sk = b.gsi1sk;
        this.taskId = b.taskId;
        this.title = b.title;
        this.description = b.description;
        this.completed = b.completed;
        this.createdAt = b.createdAt;
        this.updatedAt = b.updatedAt;
        this.version = b.version;
    }

    public static Builder builder() {
        return new Builder();
    }

    @DynamoDbPartitionKey
    public String pk() {
        return pk;
    }

    @DynamoDbSortKey
    public String sk() {
        return sk;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "gsi1")
    public String gsi1pk() {
        return gsi1pk;
    }

    @DynamoDbSecondarySortKey(indexNames = "gsi1")
    public String gsi1sk() {
        return gsi1sk;
    }

    @DynamoDbAttribute("task_id")
    public Long taskId() {
        return taskId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Boolean completed() {
        return completed;
    }

    @DynamoDbAttribute("created_at")
    public Instant createdAt() {
        return createdAt;
    }

    @DynamoDbAttribute("updated_at")
    public Instant updatedAt() {
        return updatedAt;
    }

    public Long version() {
        return version;
    }

    TaskAnswer answer() {
        return new TaskAnswer(taskId, title, description, completed, Timestamps.format(createdAt),
                Timestamps.format(updatedAt), version);
    }

    public static final class Builder {
        private String pk;
        private String sk;
        private String gsi1pk;
        private String gsi1sk;
        private Long taskId;
        private String title;
        private String description;
        private Boolean completed;
        private Instant createdAt;
        private Instant updatedAt;
        private Long version;

        private Builder() {
        }

        public Builder pk(String pk) {
            this.pk = pk;
            return this;
        }

        public Builder sk(String sk) {
            this.sk = sk;
            return this;
        }

        public Builder gsi1pk(String gsi1pk) {
            this.gsi1pk = gsi1pk;
            return this;
        }

        public Builder gsi1sk(String gsi1sk) {
            this.gsi1sk = gsi1sk;
            return this;
        }

        public Builder taskId(Long taskId) {
            this.taskId = taskId;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder completed(Boolean completed) {
            this.completed = completed;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder version(Long version) {
            this.version = version;
            return this;
        }

        public ImmutableTask build() {
            return new ImmutableTask(this);
        }
    }
}
