package com.todoapi.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deletes items by key, 25 to a batch, sending unprocessed ones again with jittered backoff. */
final class BatchDeletes {
    private static final int BATCH = 25;

    private BatchDeletes() {
    }

    /** {@code items} need only their {@code pk} and {@code sk}. */
    static void deleteAll(Tables tables, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH) {
            List<WriteRequest> writes = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + BATCH))) {
                writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                        .key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(tables.tableName(), writes);
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = StoreCalls.call(() -> tables.dynamoDb()
                        .batchWriteItem(b -> b.requestItems(request)));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                if (!pending.isEmpty()) {
                    Backoff.JITTERED.pause(attempt);
                }
            }
        }
    }
}
