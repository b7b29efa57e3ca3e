package com.todoapi.bench.probe;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The project's HTTP client, with AwsClients' timeouts; the one the table-schema variants all use. */
final class UrlConnection {
    private UrlConnection() {
    }

    static SdkHttpClient client() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(DynamoProbe.CONNECT_TIMEOUT)
                .socketTimeout(DynamoProbe.SOCKET_TIMEOUT)
                .build();
    }
}
