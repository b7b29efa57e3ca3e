package com.todoapi.functions.conversations;

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
        calls.primes("CreateConversationFunction", meter,
                (dynamoDb, sqs) -> new CreateConversationHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("ListConversationsFunction", meter,
                (dynamoDb, sqs) -> new ListConversationsHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("GetConversationFunction", meter,
                (dynamoDb, sqs) -> new GetConversationHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("DeleteConversationFunction", meter,
                (dynamoDb, sqs) -> new DeleteConversationHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("ListMessagesFunction", meter,
                (dynamoDb, sqs) -> new ListMessagesHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("PostMessageFunction", meter,
                (dynamoDb, sqs) -> new PostMessageHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("CompatibleChatFunction", meter,
                (dynamoDb, sqs) -> new CompatibleChatHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
    }
}
