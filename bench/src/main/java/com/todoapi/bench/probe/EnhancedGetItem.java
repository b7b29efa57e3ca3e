package com.todoapi.bench.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.SdkHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * A probe that reads the seeded task with one Enhanced Client GetItem and answers with it;
 * its variants differ only in the HTTP client under the SDK or in the table schema.
 */
public abstract class EnhancedGetItem<T> implements RequestStreamHandler {
    private final DynamoDbTable<T> table;
    private final Function<T, TaskAnswer> toAnswer;

    protected EnhancedGetItem(SdkHttpClient httpClient, TableSchema<T> schema, Function<T, TaskAnswer> toAnswer) {
        this.table = DynamoDbEnhancedClient.builder().dynamoDbClient(DynamoProbe.client(httpClient)).build()
                .table(DynamoProbe.tableName(), schema);
        this.toAnswer = toAnswer;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        TaskKey key = DynamoProbe.key(input);
        T item = table.getItem(Key.builder().partitionValue(key.partitionKey()).sortValue(key.sortKey()).build());
        DynamoProbe.answer(output, toAnswer.apply(DynamoProbe.found(item, key)));
    }
}
