package com.todoapi.testing;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
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

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Counts what a DynamoDB client asks of the table: it asks every read and write for its consumed
 * capacity and adds it up, with the number of calls and of items read. Attach it to a client
 * with {@code overrideConfiguration(c -> c.addExecutionInterceptor(meter))}; {@link #reset()} between measurements.
 */
public final class CapacityMeter implements ExecutionInterceptor {
    private final AtomicInteger calls = new AtomicInteger();
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

    public void reset() {
        calls.set(0);
        itemsRead.set(0);
        readUnits.reset();
        writeUnits.reset();
    }

    public int calls() {
        return calls.get();
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
