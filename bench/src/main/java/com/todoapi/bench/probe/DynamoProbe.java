package com.todoapi.bench.probe;

import com.todoapi.json.Json;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * What every GetItem probe shares: the DynamoDB client as AwsClients builds it around whichever
 * HTTP client the probe brings, the key its event asks for, and its answer.
 */
final class DynamoProbe {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);

    private DynamoProbe() {
    }

    /** Credentials from the environment, as AwsClients takes them whenever Lambda (or the local runtime) sets them. */
    static DynamoDbClient client(SdkHttpClient httpClient) {
        return DynamoDbClient.builder()
                .httpClient(httpClient)
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .region(new DefaultAwsRegionProviderChain().getRegion())
                .build();
    }

    static String tableName() {
        String name = System.getenv("TABLE_NAME");
        if (name == null) {
            throw new IllegalStateException("TABLE_NAME is not set");
        }
        return name;
    }

    static TaskKey key(InputStream event) throws IOException {
        return Json.MAPPER.readValue(event, TaskKey.class);
    }

    /** A probe that did not find the seeded task must not report a time. */
    static <T> T found(T item, TaskKey key) {
        if (item == null) {
            throw new IllegalStateException("No item for " + key + " in " + tableName());
        }
        return item;
    }

    static void answer(OutputStream output, TaskAnswer task) throws IOException {
        Json.MAPPER.writeValue(output, task);
    }
}
