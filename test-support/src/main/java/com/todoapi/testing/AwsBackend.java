package com.todoapi.testing;

import com.todoapi.local.emulator.LocalAws;
import com.todoapi.local.emulator.LocalResources;

/** Where a test's DynamoDB and SQS are: the template's table and queues, created and ready. */
public interface AwsBackend {
    LocalAws aws();

    LocalResources resources();

    /** The template's one table, by its physical name. */
    default String tableName() {
        return resources().tableName("TodoTable");
    }
}
