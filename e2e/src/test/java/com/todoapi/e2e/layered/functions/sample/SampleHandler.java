package com.todoapi.e2e.layered.functions.sample;

import com.todoapi.e2e.layered.aws.dynamodb.TaskStoreAdapter;

/** Breaks "handlers reach AWS only through wiring": a handler building its adapter. Never deployed. */
public final class SampleHandler {
    private final TaskStoreAdapter store = new TaskStoreAdapter();

    public RuntimeException handle(long id) {
        return store.missing(id);
    }
}
