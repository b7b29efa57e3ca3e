package com.todoapi.bench;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DynamoDB calls and the capacity they consumed, by operation (GetItem, TransactWriteItems...),
 * for a client whose requests a {@link com.todoapi.testing.CapacityMeter} already asks for it.
 */
final class CapacityByOperation implements ExecutionInterceptor {
    /** One operation's totals since the last reset. */
    record Operation(String name, double calls, double readUnits, double writeUnits) {
    }

    private final Map<String, double[]> totals = new TreeMap<>();

    @Override
    public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String name = context.request().getClass().getSimpleName().replace("Request", "");
        double[] total = totals.computeIfAbsent(name, n -> new double[3]);
        total[0]++;
        switch (context.response()) {
            case GetItemResponse g -> total[1] += units(g.consumedCapacity());
            case QueryResponse q -> total[1] += units(q.consumedCapacity());
            case PutItemResponse p -> total[2] += units(p.consumedCapacity());
            case UpdateItemResponse u -> total[2] += units(u.consumedCapacity());
            case TransactWriteItemsResponse t -> t.consumedCapacity().forEach(c -> total[2] += units(c));
            default -> {
            }
        }
    }

    synchronized void reset() {
        totals.clear();
    }

    synchronized List<Operation> operations() {
        return totals.entrySet().stream()
                .map(e -> new Operation(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
    }

    private static double units(ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }
}
