package com.todoapi.bench;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.concurrent.atomic.AtomicLong;

/** Time spent inside the AWS calls of the clients it is added to (the SDK's whole execution, retries included). */
final class AwsCallTimer implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.started");

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        calls.incrementAndGet();
        nanos.addAndGet(System.nanoTime() - attributes.getAttribute(STARTED));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        nanos.addAndGet(System.nanoTime() - attributes.getAttribute(STARTED));
    }

    /** Clears the time; the count of calls goes on until {@link #resetCalls()}. */
    void reset() {
        nanos.set(0);
    }

    void resetCalls() {
        calls.set(0);
    }

    long calls() {
        return calls.get();
    }

    long nanos() {
        return nanos.get();
    }
}
