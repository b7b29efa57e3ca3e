package com.todoapi.aws.dynamodb;

import com.todoapi.health.Probe;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.time.Duration;

/** The table answers and is ACTIVE. */
public record TableProbe(DynamoDbClient dynamoDb, String tableName) implements Probe {
    private static final Duration BUDGET = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public void check() {
        TableStatus status = dynamoDb.describeTable(b -> b.tableName(tableName)
                        .overrideConfiguration(o -> o.apiCallTimeout(BUDGET)))
                .table().tableStatus();
        if (status != TableStatus.ACTIVE && status != TableStatus.UPDATING) {
            throw SdkException.create("table is " + status, null);
        }
    }
}
