package com.todoapi.store;

/**
 * The table's keys (README "Data model"). Everything of a user sits under {@code USER#<sub>},
 * except rate-limit windows, which have a partition of their own so that IAM can let read-only
 * functions write them and nothing else.
 */
final class Keys {
    static final String TASK_PREFIX = "TASK#";
    static final String TASK_COUNTER = "COUNTER#TASK";
    private static final int NUMBER_DIGITS = 12;
    static final long MAX_NUMBER = 999_999_999_999L;

    private Keys() {
    }

    static String user(String userId) {
        return "USER#" + userId;
    }

    /** Task numbers zero-padded, so that sort keys order as the numbers do. */
    static String task(long taskId) {
        return TASK_PREFIX + padded(taskId);
    }

    static String tasksByStatus(String userId, boolean completed) {
        return user(userId) + "#TASKS#" + (completed ? "completed" : "pending");
    }

    static String idempotency(String scope, String keyHash) {
        return "IDEMPOTENCY#" + scope + "#" + keyHash;
    }

    static String rateLimit(String userId) {
        return "RATE#" + userId;
    }

    static String rateWindow(long windowStartEpochSecond) {
        return "WINDOW#" + windowStartEpochSecond;
    }

    private static String padded(long number) {
        String digits = Long.toString(number);
        return "0".repeat(Math.max(0, NUMBER_DIGITS - digits.length())) + digits;
    }
}
