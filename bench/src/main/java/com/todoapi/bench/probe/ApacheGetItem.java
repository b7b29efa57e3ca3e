package com.todoapi.bench.probe;

import software.amazon.awssdk.http.apache.ApacheHttpClient;

/** The project's GetItem on the SDK's Apache HttpClient 4 client. */
public final class ApacheGetItem extends EnhancedGetItem<TaskRecord> {
    public ApacheGetItem() {
        super(ApacheHttpClient.builder()
                        .connectionTimeout(DynamoProbe.CONNECT_TIMEOUT)
                        .socketTimeout(DynamoProbe.SOCKET_TIMEOUT)
                        .build(),
                TaskRecord.SCHEMA, TaskRecord::answer);
    }
}
