package com.todoapi.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * One read of an item that is never written: loads and initialises the table client's request
 * path (signing, HTTP, marshalling) without touching anybody's data. For priming.
 */
public final class TableWarmup {
    private static final String NEVER_WRITTEN = "PRIMING";

    private final Tables tables;

    public TableWarmup(Tables tables) {
        this.tables = tables;
    }

    public void read() {
        StoreCalls.call(() -> tables.dynamoDb().getItem(get -> get.tableName(tables.tableName()).key(Map.of(
                "pk", AttributeValue.fromS(NEVER_WRITTEN), "sk", AttributeValue.fromS(NEVER_WRITTEN)))));
    }
}
