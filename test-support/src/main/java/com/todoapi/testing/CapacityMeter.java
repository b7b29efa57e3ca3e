package com.todoapi.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Counts what a DynamoDB client asks of the table: it asks every read and write for its consumed
 * capacity and adds it up, with the number of calls and of items read. Attach it to a client
 * with {@code overrideConfiguration(c -> c.addExecutionInterceptor(meter))}; {@link #reset()} between measurements.
 */
public final class CapacityMeter implements ExecutionInterceptor {
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger writeCalls = new AtomicInteger();
    private final AtomicInteger itemsRead = new AtomicInteger();
    private final DoubleAdder readUnits = new DoubleAdder();
    private final DoubleAdder writeUnits = new DoubleAdder();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        return switch (request) {
            case QueryRequest q -> q.toBuilder().returnConsumedCapacity(total).build();
            case GetItemRequest g -> g.toBuilder().returnConsumedCapacity(total).build();
            case PutItemRequest p -> p.toBuilder().returnConsumedCapacity(total).build();
            case UpdateItemRequest u -> u.toBuilder().returnConsumedCapacity(total).build();
            case TransactWriteItemsRequest t -> t.toBuilder().returnConsumedCapacity(total).build();
            default -> request;
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        calls.incrementAndGet();
        switch (context.response()) {
            case PutItemResponse p -> writeCalls.incrementAndGet();
            case UpdateItemResponse u -> writeCalls.incrementAndGet();
            case DeleteItemResponse d -> writeCalls.incrementAndGet();
            case TransactWriteItemsResponse t -> writeCalls.incrementAndGet();
            case BatchWriteItemResponse b -> writeCalls.incrementAndGet();
            default -> {
            }
        }
        switch (context.response()) {
            case QueryResponse q -> {
                itemsRead.addAndGet(q.count());
                readUnits.add(units(q.consumedCapacity()));
            }
            case GetItemResponse g -> {
                itemsRead.addAndGet(g.hasItem() ? 1 : 0);
                readUnits.add(units(g.consumedCapacity()));
            }
            case PutItemResponse p -> writeUnits.add(units(p.consumedCapacity()));
            case UpdateItemResponse u -> writeUnits.add(units(u.consumedCapacity()));
            case TransactWriteItemsResponse t -> t.consumedCapacity().forEach(c -> writeUnits.add(units(c)));
            default -> {
            }
        }
    }

    private static double units(ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }

    /** A DynamoDB client for {@code aws}'s emulator that this meter counts. */
    public DynamoDbClient dynamoDb(AwsBackend aws) {
        return dynamoDb(aws.aws().dynamoDbEndpoint());
    }

    /** A DynamoDB client for the emulator at {@code endpoint}, with the functions' HTTP client, that this meter and {@code others} see. */
    public DynamoDbClient dynamoDb(URI endpoint, ExecutionInterceptor... others) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> {
                    o.addExecutionInterceptor(this);
                    for (ExecutionInterceptor other : others) {
                        o.addExecutionInterceptor(other);
                    }
                })
                .build();
    }

    public void reset() {
        calls.set(0);
        writeCalls.set(0);
        itemsRead.set(0);
        readUnits.reset();
        writeUnits.reset();
    }

    public int calls() {
        return calls.get();
    }

    /** Calls that write: puts, updates, deletes, transactions and batch writes. */
    public int writeCalls() {
        return writeCalls.get();
    }

    public int itemsRead() {
        return itemsRead.get();
    }

    /** Capacity units consumed by reads (queries and gets). */
    public double readUnits() {
        return readUnits.sum();
    }

    /** Capacity units consumed by writes (puts, updates, transactions). */
    public double writeUnits() {
        return writeUnits.sum();
    }
}
