package com.todoapi.bench.probe;

import software.amazon.awssdk.http.crt.AwsCrtHttpClient;

/**
 * The project's GetItem on the SDK's AWS CRT client. The CRT has no socket timeout; a connection
 * that moves no bytes for as long is closed by its health check instead, the SDK's equivalent.
 */
public final class CrtGetItem extends EnhancedGetItem<TaskRecord> {
    public CrtGetItem() {
        super(AwsCrtHttpClient.builder()
                        .connectionTimeout(DynamoProbe.CONNECT_TIMEOUT)
                        .connectionHealthConfiguration(health -> health
                                .minimumThroughputInBps(1L)
                                .minimumThroughputTimeout(DynamoProbe.SOCKET_TIMEOUT))
                        .build(),
                TaskRecord.SCHEMA, TaskRecord::answer);
    }
}
