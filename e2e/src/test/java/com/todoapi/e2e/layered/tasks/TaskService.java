package com.todoapi.e2e.layered.tasks;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Breaks "no AWS types in the domain": a resource's service holding an SDK client. Never deployed. */
public final class TaskService {
    public final DynamoDbClient dynamoDb = null;

    public static RuntimeException notFound(long id) {
        return new IllegalStateException("Task " + id + " not found");
    }
}
