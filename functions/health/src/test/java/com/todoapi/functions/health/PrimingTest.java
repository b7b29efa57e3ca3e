package com.todoapi.functions.health;

import com.todoapi.aws.dynamodb.TableProbe;
import com.todoapi.aws.recording.CallRecorder;
import com.todoapi.aws.sqs.QueueProbe;
import com.todoapi.testing.PrimingCalls;

import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.CapacityMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

/**
 * The health function's SnapStart priming serves a whole health check: the table is reached, nothing
 * written; its AWS calls are recorded for ./dev iam-check (in AWS, priming runs with the function's role).
 */
@ExtendWith(AwsBackendExtension.class)
class PrimingTest {

    @Test
    void primingRunsTheHealthCheck(AwsBackend aws) {
        CapacityMeter meter = new CapacityMeter();
        new PrimingCalls(aws, CallRecorder::new).primes("HealthFunction", meter, (dynamoDb, sqs) ->
                new HealthHandler(new HealthCheck(List.of(new TableProbe(dynamoDb, aws.tableName()),
                        new QueueProbe(sqs.get(), aws.resources().queue("ChatQueue").url())))).priming()::run);
    }
}
