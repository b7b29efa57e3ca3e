package com.todoapi.bench.probe;

/** The project's way: the url-connection client, a StaticImmutableTableSchema over a record. */
public final class ProjectStyleGetItem extends EnhancedGetItem<TaskRecord> {
    public ProjectStyleGetItem() {
        super(UrlConnection.client(), TaskRecord.SCHEMA, TaskRecord::answer);
    }
}
