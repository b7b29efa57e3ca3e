package com.todoapi.aws.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.extensions.AtomicCounterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one table, seen through each item schema. Built once per process: the schemas are static,
 * the enhanced client adds only the atomic-counter extension (versions are checked explicitly).
 */
public final class Tables {
    static final String STATUS_INDEX = "gsi1";
    /** Pending reminders only: {@code remind_shard} / {@code remind_at} (docs/architecture.md, "Reminders"). */
    static final String REMINDER_INDEX = "reminders";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<TaskItem> tasks;
    private final DynamoDbTable<CounterItem> counters;
    private final DynamoDbTable<IdempotencyItem> idempotency;
    private final DynamoDbTable<RateWindowItem> rateWindows;
    private final DynamoDbTable<ConversationItem> conversations;
    private final DynamoDbTable<MessageItem> messages;

    public Tables(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.client = DynamoDbEnhancedClient.builder()
                .dynamoDbClient(dynamoDb)
                .extensions(AtomicCounterExtension.builder().build())
                .build();
        this.tasks = client.table(tableName, TaskItem.SCHEMA);
        this.counters = client.table(tableName, CounterItem.SCHEMA);
        this.idempotency = client.table(tableName, IdempotencyItem.SCHEMA);
        this.rateWindows = client.table(tableName, RateWindowItem.SCHEMA);
        this.conversations = client.table(tableName, ConversationItem.SCHEMA);
        this.messages = client.table(tableName, MessageItem.SCHEMA);
    }

    /** The plain client, for queries whose pages mix item types (a conversation and its messages). */
    DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    String tableName() {
        return tableName;
    }

    DynamoDbTable<ConversationItem> conversations() {
        return conversations;
    }

    DynamoDbTable<MessageItem> messages() {
        return messages;
    }

    DynamoDbEnhancedClient client() {
        return client;
    }

    DynamoDbTable<TaskItem> tasks() {
        return tasks;
    }

    DynamoDbTable<CounterItem> counters() {
        return counters;
    }

    DynamoDbTable<IdempotencyItem> idempotency() {
        return idempotency;
    }

    DynamoDbTable<RateWindowItem> rateWindows() {
        return rateWindows;
    }
}
