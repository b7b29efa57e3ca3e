package com.todoapi.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.time.Duration;

/**
 * Builds each SDK client once per process. Region, credentials and endpoints come from the
 * environment as Lambda sets it; the local runtime points clients at its emulators with the
 * SDK's standard {@code AWS_ENDPOINT_URL_<SERVICE>} variables, so no code path differs locally.
 */
public final class AwsClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .httpClient(httpClient())
                .credentialsProvider(credentials())
                .region(new DefaultAwsRegionProviderChain().getRegion())
                .build();
    }

    public static SqsClient sqs() {
        return SqsClient.builder()
                .httpClient(httpClient())
                .credentialsProvider(credentials())
                .region(new DefaultAwsRegionProviderChain().getRegion())
                .build();
    }

    public static SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder()
                .httpClient(httpClient())
                .credentialsProvider(credentials())
                .region(new DefaultAwsRegionProviderChain().getRegion())
                .build();
    }

    public static SsmClient ssm() {
        return SsmClient.builder()
                .httpClient(httpClient())
                .credentialsProvider(credentials())
                .region(new DefaultAwsRegionProviderChain().getRegion())
                .build();
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
    }

    /** Lambda hands credentials over in environment variables; the full chain is only a fallback. */
    private static AwsCredentialsProvider credentials() {
        return System.getenv("AWS_ACCESS_KEY_ID") != null
                ? EnvironmentVariableCredentialsProvider.create()
                : DefaultCredentialsProvider.builder().build();
    }
}
