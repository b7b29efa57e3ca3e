package com.todoapi.aws;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API functions' budget against a table that refuses, throttles or never answers. */
class CallBudgetTest {
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicLong firstAttempt = new AtomicLong();
    private final AtomicLong lastAttempt = new AtomicLong();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aRefusedConnectionIsGivenUpWellWithinASecond() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (DynamoDbClient client = client(URI.create("http://127.0.0.1:" + closedPort))) {
            // The first call loads the SDK's classes, which is no part of the budget.
            assertThatThrownBy(() -> client.describeLimits(r -> { })).isInstanceOf(SdkClientException.class);
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.describeLimits(r -> { })).isInstanceOf(SdkClientException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void throttlingIsStillRetriedWithBackoffThreeAttemptsInAll() {
        URI endpoint = answering(400, "ProvisionedThroughputExceededException");
        try (DynamoDbClient client = client(endpoint)) {
            assertThatThrownBy(() -> client.describeLimits(r -> { }))
                    .isInstanceOf(ProvisionedThroughputExceededException.class);
        }
        assertThat(attempts).hasValue(3);
        assertThat(Duration.ofNanos(lastAttempt.get() - firstAttempt.get()))
                .as("the backoff between the first and the last attempt").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aRequestTheTableRefusesIsNotRetried() {
        URI endpoint = answering(400, "ValidationException");
        try (DynamoDbClient client = client(endpoint)) {
            assertThatThrownBy(() -> client.describeLimits(r -> { })).isInstanceOf(DynamoDbException.class);
        }
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aTableThatNeverAnswersIsGivenUpAfterTheWholeCallsBound() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            attempts.incrementAndGet();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        try (DynamoDbClient client = client(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> client.describeLimits(r -> { })).isInstanceOf(ApiCallTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        }
    }

    private URI answering(int status, String errorType) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            lastAttempt.set(System.nanoTime());
            firstAttempt.compareAndSet(0, lastAttempt.get());
            attempts.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorType + "\",\"message\":\"no\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static DynamoDbClient client(URI endpoint) {
        CallBudget budget = CallBudget.INTERACTIVE;
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(budget.connectTimeout()).build())
                .overrideConfiguration(budget.overrides())
                .build();
    }
}
