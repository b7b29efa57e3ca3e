package com.todoapi.bench.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.todoapi.json.Timestamps;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;

/** The same GetItem without the Enhanced Client: the low-level call, its attribute map read by hand. */
public final class LowLevelGetItem implements RequestStreamHandler {
    private final DynamoDbClient dynamoDb = DynamoProbe.client(UrlConnection.client());
    private final String tableName = DynamoProbe.tableName();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        TaskKey key = DynamoProbe.key(input);
        GetItemResponse response = dynamoDb.getItem(r -> r.tableName(tableName).key(Map.of(
                "pk", AttributeValue.fromS(key.partitionKey()),
                "sk", AttributeValue.fromS(key.sortKey()))));
        Map<String, AttributeValue> item = DynamoProbe.found(response.hasItem() ? response.item() : null, key);
        DynamoProbe.answer(output, new TaskAnswer(
                Long.parseLong(item.get("task_id").n()),
                item.get("title").s(),
                item.get("description").s(),
                item.get("completed").bool(),
                Timestamps.format(Instant.parse(item.get("created_at").s())),
                Timestamps.format(Instant.parse(item.get("updated_at").s())),
                Long.parseLong(item.get("version").n())));
    }
}
