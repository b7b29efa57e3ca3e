package com.todoapi.functions.apikeys;

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

/** Each function's SnapStart priming on DynamoDB Local: it reaches the table and writes nothing. */
@ExtendWith(AwsBackendExtension.class)
class PrimingTest {

    @Test
    void everyFunctionPrimesItsHotPathReadOnly(AwsBackend aws) {
        CapacityMeter meter = new CapacityMeter();
        Services services = new Services(new Env(FunctionCalls.environment(aws, Map.of())), meter.dynamoDb(aws),
                aws.aws()::sqs, Clock.systemUTC());
        PrimingCheck.readsTheTableAndWritesNothing("CreateApiKeyHandler", new CreateApiKeyHandler(services).priming()::run, meter);
        PrimingCheck.readsTheTableAndWritesNothing("ListApiKeysHandler", new ListApiKeysHandler(services).priming()::run, meter);
        PrimingCheck.readsTheTableAndWritesNothing("RevokeApiKeyHandler", new RevokeApiKeyHandler(services).priming()::run, meter);
    }
}
