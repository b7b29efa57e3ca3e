package com.todoapi.functions.health;

import com.todoapi.aws.dynamodb.TableProbe;
import com.todoapi.aws.sqs.QueueProbe;

import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.CapacityMeter;
import com.todoapi.testing.PrimingCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

/** The health function's SnapStart priming serves a whole health check: the table is reached, nothing written. */
@ExtendWith(AwsBackendExtension.class)
class PrimingTest {

    @Test
    void primingRunsTheHealthCheck(AwsBackend aws) {
        CapacityMeter meter = new CapacityMeter();
        HealthHandler handler = new HealthHandler(new HealthCheck(List.of(
                new TableProbe(meter.dynamoDb(aws), aws.tableName()),
                new QueueProbe(aws.aws().sqs(), aws.resources().queue("ChatQueue").url()))));
        PrimingCheck.readsTheTableAndWritesNothing("HealthHandler", handler.priming()::run, meter);
    }
}
