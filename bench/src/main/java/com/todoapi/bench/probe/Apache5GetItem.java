package com.todoapi.bench.probe;

import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/** The project's GetItem on the SDK's Apache HttpClient 5 client. */
public final class Apache5GetItem extends EnhancedGetItem<TaskRecord> {
    public Apache5GetItem() {
        super(Apache5HttpClient.builder()
                        .connectionTimeout(DynamoProbe.CONNECT_TIMEOUT)
                        .socketTimeout(DynamoProbe.SOCKET_TIMEOUT)
                        .build(),
                TaskRecord.SCHEMA, TaskRecord::answer);
    }
}
