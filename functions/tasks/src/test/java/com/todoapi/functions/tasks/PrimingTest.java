package com.todoapi.functions.tasks;

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
        calls.primes("CreateTaskFunction", meter,
                (dynamoDb, sqs) -> new CreateTaskHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("GetTaskFunction", meter,
                (dynamoDb, sqs) -> new GetTaskHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("ListTasksFunction", meter,
                (dynamoDb, sqs) -> new ListTasksHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("UpdateTaskFunction", meter,
                (dynamoDb, sqs) -> new UpdateTaskHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("DeleteTaskFunction", meter,
                (dynamoDb, sqs) -> new DeleteTaskHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("ReminderFunction", meter,
                (dynamoDb, sqs) -> new ReminderHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
    }
}
