package com.todoapi.functions.apikeys;

import com.todoapi.aws.recording.CallRecorder;
import com.todoapi.config.Env;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.CapacityMeter;
import com.todoapi.testing.FunctionCalls;
import com.todoapi.testing.PrimingCalls;
import com.todoapi.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.Map;

/**
 * Each function's SnapStart priming on DynamoDB Local: it reaches the table and writes nothing; its
 * AWS calls are recorded for ./dev iam-check, since in AWS priming runs with the function's role.
 */
@ExtendWith(AwsBackendExtension.class)
class PrimingTest {

    @Test
    void everyFunctionPrimesItsHotPathReadOnly(AwsBackend aws) {
        CapacityMeter meter = new CapacityMeter();
        PrimingCalls calls = new PrimingCalls(aws, CallRecorder::new);
        Env env = new Env(FunctionCalls.environment(aws, Map.of()));
        calls.primes("CreateApiKeyFunction", meter,
                (dynamoDb, sqs) -> new CreateApiKeyHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("ListApiKeysFunction", meter,
                (dynamoDb, sqs) -> new ListApiKeysHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("RevokeApiKeyFunction", meter,
                (dynamoDb, sqs) -> new RevokeApiKeyHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("LeaveFunction", meter,
                (dynamoDb, sqs) -> new LeaveHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("GetProfileFunction", meter,
                (dynamoDb, sqs) -> new GetProfileHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("UpdateProfileFunction", meter,
                (dynamoDb, sqs) -> new UpdateProfileHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
    }
}
