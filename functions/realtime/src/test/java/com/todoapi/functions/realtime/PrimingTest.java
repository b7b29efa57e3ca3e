package com.todoapi.functions.realtime;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each function's SnapStart priming on DynamoDB Local: it reaches the table and writes nothing; its
 * AWS calls are recorded for ./dev iam-check, since in AWS priming runs with the function's role.
 * The message route uses no table: its priming makes no AWS call at all (no post to a connection
 * nobody has, which would count as a dropped push).
 */
@ExtendWith(AwsBackendExtension.class)
class PrimingTest {

    @Test
    void everyFunctionPrimesItsHotPathReadOnly(AwsBackend aws) {
        CapacityMeter meter = new CapacityMeter();
        PrimingCalls calls = new PrimingCalls(aws, CallRecorder::new);
        Env env = new Env(FunctionCalls.environment(aws, Map.of()));
        calls.primes("CreateRealtimeTicketFunction", meter, (dynamoDb, sqs) ->
                new CreateRealtimeTicketHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("RealtimeConnectFunction", meter, (dynamoDb, sqs) ->
                new ConnectHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);
        calls.primes("RealtimeDisconnectFunction", meter, (dynamoDb, sqs) ->
                new DisconnectHandler(new Services(env, dynamoDb, sqs, Clock.systemUTC())).priming()::run);

        meter.reset();
        new MessageHandler(new Services(env, calls.dynamoDb(meter, calls.recorder("RealtimeMessageFunction")),
                () -> calls.sqs(calls.recorder("RealtimeMessageFunction")), Clock.systemUTC())).priming().run();
        assertThat(meter.calls()).as("RealtimeMessageFunction: DynamoDB calls while priming").isZero();
    }
}
