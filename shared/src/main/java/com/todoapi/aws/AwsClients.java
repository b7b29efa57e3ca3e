package com.todoapi.aws;

import com.todoapi.aws.recording.CallRecorder;
import com.todoapi.config.Env;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.net.URI;
import java.time.Duration;

/**
 * Builds each SDK client once per process. Region, credentials and endpoints come from the
 * environment as Lambda sets it; the local runtime points clients at its emulators with the
 * SDK's standard {@code AWS_ENDPOINT_URL_<SERVICE>} variables, so no code path differs locally.
 * There, and only there, each client may also record its calls for the deploy proof ({@link CallRecorder}).
 */
public final class AwsClients {
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    /**
     * A model may think for many seconds before its first byte, so the socket may wait longer
     * than any worker runs; each call is bounded by its request's own timeout instead.
     */
    private static final Duration MODEL_SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(CallBudget budget) {
        return configured(DynamoDbClient.builder(), budget);
    }

    public static SqsClient sqs(CallBudget budget) {
        return configured(SqsClient.builder(), budget);
    }

    /** Read once at start, where no one waits on a request: the patient budget. */
    public static SecretsManagerClient secretsManager() {
        return configured(SecretsManagerClient.builder(), CallBudget.BACKGROUND);
    }

    public static SsmClient ssm() {
        return configured(SsmClient.builder(), CallBudget.BACKGROUND);
    }

    /**
     * The assistant's model. No SDK retries: the model loop retries within the turn's time
     * (ModelRetries), and each call sets its own timeout. {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME}
     * points it elsewhere, as the other clients.
     */
    public static BedrockRuntimeClient bedrockRuntime() {
        return BedrockRuntimeClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CallBudget.BACKGROUND.connectTimeout())
                        .socketTimeout(MODEL_SOCKET_TIMEOUT)
                        .build())
                .overrideConfiguration(recorded(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .build()))
                .credentialsProvider(credentials())
                .region(new DefaultAwsRegionProviderChain().getRegion())
                .build();
    }

    /**
     * The WebSocket API's {@code @connections} endpoint ({@code REALTIME_ENDPOINT}: the stage's
     * https URL, which the SDK needs as its endpoint; the local runtime's in local mode). A push is
     * never worth waiting for: no retries, and each post gives up after {@code perCall}.
     */
    public static ApiGatewayManagementApiClient connections(URI endpoint, Duration perCall) {
        return ApiGatewayManagementApiClient.builder()
                .endpointOverride(endpoint)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CallBudget.INTERACTIVE.connectTimeout())
                        .socketTimeout(perCall)
                        .build())
                .overrideConfiguration(recorded(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(perCall)
                        .build()))
                .credentialsProvider(credentials())
                .region(new DefaultAwsRegionProviderChain().getRegion())
                .build();
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configured(B builder,
                                                                                                   CallBudget budget) {
        return builder.httpClient(httpClient(budget))
                .overrideConfiguration(recorded(budget.overrides()))
                .credentialsProvider(credentials())
                .region(new DefaultAwsRegionProviderChain().getRegion())
                .build();
    }

    private static ClientOverrideConfiguration recorded(ClientOverrideConfiguration overrides) {
        return CallRecorder.fromEnvironment(Env.system())
                .map(recorder -> overrides.toBuilder().addExecutionInterceptor(recorder).build())
                .orElse(overrides);
    }

    private static SdkHttpClient httpClient(CallBudget budget) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(budget.connectTimeout())
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
