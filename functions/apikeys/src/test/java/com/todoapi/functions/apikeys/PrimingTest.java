package com.todoapi.functions.apikeys;

import com.todoapi.aws.recording.CallRecorder;
import com.todoapi.lambda.Priming;
import com.todoapi.testing.PrimingCalls;
import com.todoapi.config.Env;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.CapacityMeter;
import com.todoapi.testing.FunctionCalls;
import com.todoapi.testing.PrimingCheck;
import com.todoapi.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Each function's SnapStart priming on DynamoDB Local: it reaches the table and writes nothing; its
 * AWS calls are recorded for ./dev iam-check, since in AWS priming runs with the function's role.
 */
@ExtendWith(AwsBackendExtension.class)
class PrimingTest {

    @Test
    void everyFunctionPrimesItsHotPathReadOnly(AwsBackend aws) {
        CapacityMeter meter = new CapacityMeter();
        PrimingCalls calls = new PrimingCalls(aws);
        primes("CreateApiKeyFunction", services -> new CreateApiKeyHandler(services).priming(), aws, calls, meter);
        primes("ListApiKeysFunction", services -> new ListApiKeysHandler(services).priming(), aws, calls, meter);
        primes("RevokeApiKeyFunction", services -> new RevokeApiKeyHandler(services).priming(), aws, calls, meter);
        primes("LeaveFunction", services -> new LeaveHandler(services).priming(), aws, calls, meter);
    }

    /** Runs {@code function}'s priming with clients that count its table calls and record every AWS call. */
    private static void primes(String function, Function<Services, Priming> handler, AwsBackend aws, PrimingCalls calls,
                               CapacityMeter meter) {
        CallRecorder recorder = new CallRecorder(function, calls.sink(function));
        Services services = new Services(new Env(FunctionCalls.environment(aws, Map.of())), calls.dynamoDb(meter, recorder),
                () -> calls.sqs(recorder), Clock.systemUTC());
        PrimingCheck.readsTheTableAndWritesNothing(function, handler.apply(services)::run, meter);
    }
}
