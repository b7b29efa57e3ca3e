package com.todoapi.bench.probe;

/** The task a GetItem probe is asked for (its event), and that task's keys as the project stores them. */
public record TaskKey(String userId, long taskId) {

    String partitionKey() {
        return "USER#" + userId;
    }

    String sortKey() {
        return "TASK#%012d".formatted(taskId);
    }
}
