package com.todoapi.store;

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

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<TaskItem> tasks;
    private final DynamoDbTable<CounterItem> counters;
    private final DynamoDbTable<IdempotencyItem> idempotency;
    private final DynamoDbTable<RateWindowItem> rateWindows;

    public Tables(DynamoDbClient dynamoDb, String tableName) {
        this.client = DynamoDbEnhancedClient.builder()
                .dynamoDbClient(dynamoDb)
                .extensions(AtomicCounterExtension.builder().build())
                .build();
        this.tasks = client.table(tableName, TaskItem.SCHEMA);
        this.counters = client.table(tableName, CounterItem.SCHEMA);
        this.idempotency = client.table(tableName, IdempotencyItem.SCHEMA);
        this.rateWindows = client.table(tableName, RateWindowItem.SCHEMA);
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
