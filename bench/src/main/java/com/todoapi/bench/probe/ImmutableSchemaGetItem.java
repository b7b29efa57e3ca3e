package com.todoapi.bench.probe;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The project's GetItem with the table schema introspected from an annotated immutable class and its builder. */
public final class ImmutableSchemaGetItem extends EnhancedGetItem<ImmutableTask> {
    public ImmutableSchemaGetItem() {
        super(UrlConnection.client(), TableSchema.fromImmutableClass(ImmutableTask.class), ImmutableTask::answer);
    }
}
