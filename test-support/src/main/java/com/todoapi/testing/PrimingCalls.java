package com.todoapi.testing;

import com.todoapi.local.lambda.AwsCallLog;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Records the AWS calls of each function's SnapStart priming into the module's
 * {@code target/aws-calls}, in the local runtime's format: in AWS, priming runs with the
 * function's role when Lambda publishes a version, and no local run publishes one, so this is
 * where {@code ./dev iam-check} learns of those calls. Clients built here carry the function's recorder.
 */
public final class PrimingCalls {
    public static final Path FOLDER = Path.of("target", "aws-calls");

    private final AwsBackend aws;
    private final BiFunction<String, Consumer<String>, ExecutionInterceptor> recorders;
    private final AwsCallLog log;

    /**
     * Starts the module's recording afresh (what an earlier build recorded is gone).
     *
     * @param recorders shared's {@code CallRecorder::new}: a function's recorder, handing each call's JSON to a sink
     */
    public PrimingCalls(AwsBackend aws, BiFunction<String, Consumer<String>, ExecutionInterceptor> recorders) {
        this.aws = aws;
        this.recorders = recorders;
        forgetEarlierRecordings();
        this.log = new AwsCallLog(FOLDER, aws.resources().manifest());
    }

    /**
     * Runs {@code function}'s priming, made by {@code primingOf} from a DynamoDB and an SQS client,
     * with clients that {@code meter} counts and that record every call as the function's; then
     * checks it reached the table and wrote nothing ({@link PrimingCheck}).
     */
    public void primes(String function, CapacityMeter meter,
                       BiFunction<DynamoDbClient, Supplier<SqsClient>, Runnable> primingOf) {
        ExecutionInterceptor recorder = recorder(function);
        PrimingCheck.readsTheTableAndWritesNothing(function,
                primingOf.apply(dynamoDb(meter, recorder), () -> sqs(recorder)), meter);
    }

    /** A recorder of {@code function}'s calls, for clients a test builds itself. */
    public ExecutionInterceptor recorder(String function) {
        return recorders.apply(function, json -> log.append(function, json));
    }

    /** A DynamoDB client that {@code meter} counts and {@code recorder} records. */
    public DynamoDbClient dynamoDb(CapacityMeter meter, ExecutionInterceptor recorder) {
        return meter.dynamoDb(aws.aws().dynamoDbEndpoint(), recorder);
    }

    /** An SQS client that {@code recorder} records. */
    public SqsClient sqs(ExecutionInterceptor recorder) {
        return SqsClient.builder()
                .endpointOverride(aws.aws().sqsEndpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
                .build();
    }

    private static void forgetEarlierRecordings() {
        if (!Files.exists(FOLDER)) {
            return;
        }
        try (var files = Files.walk(FOLDER)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + FOLDER, e);
        }
    }
}
