package com.todoapi.e2e.layered.aws.dynamodb;

import com.todoapi.e2e.layered.tasks.TaskService;

/** Breaks "stores do not depend on services": an adapter calling up into its service. Never deployed. */
public final class TaskStoreAdapter {
    public RuntimeException missing(long id) {
        return TaskService.notFound(id);
    }
}
