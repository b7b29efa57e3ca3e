package com.todoapi.aws.dynamodb;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The table's keys (docs/architecture.md, "Data model"). Everything of a user sits under {@code USER#<sub>},
 * except rate-limit windows, which have a partition of their own so that IAM can let read-only
 * functions write them and nothing else.
 */
final class Keys {
    static final String TASK_PREFIX = "TASK#";
    static final String TASK_COUNTER = "COUNTER#TASK";
    /** The person's profile (time zone), in their partition so that leaving purges it. */
    static final String PROFILE = "PROFILE";
    static final String CONVERSATION_COUNTER = "COUNTER#CONV";
    /** The conversation's own item, first in its partition ("CONV" sorts before "MSG#"). */
    static final String CONVERSATION = "CONV";
    static final String MESSAGE_PREFIX = "MSG#";
    /** Unsettled background work is spread over this many gsi1 partitions for the sweeper. */
    static final int WORK_SHARDS = 4;
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

    /** A conversation and its messages share one partition, so a page of messages is one query. */
    static String conversation(String userId, long conversationId) {
        return user(userId) + "#CONV#" + padded(conversationId);
    }

    static String message(long number) {
        return MESSAGE_PREFIX + padded(number);
    }

    /** gsi1: a user's conversations, by when they were last active. */
    static String conversationsByActivity(String userId) {
        return user(userId) + "#CONVS";
    }

    static String activity(Instant at, long conversationId) {
        return time(at) + "#" + padded(conversationId);
    }

    /** gsi1: unsettled work (pending replies, conversations being deleted), found by the sweeper. */
    static String work(String userId) {
        return work(Math.floorMod(userId.hashCode(), WORK_SHARDS));
    }

    static String work(int shard) {
        return "WORK#" + shard;
    }

    /**
     * The reminder index's partitions: pending reminders spread by a hash of the user, so that one
     * person's reminders stay in one partition and a minute's due reminders are one query per shard.
     */
    static final int REMINDER_SHARDS = 8;

    static String reminders(String userId) {
        return reminders(Math.floorMod(userId.hashCode(), REMINDER_SHARDS));
    }

    static String reminders(int shard) {
        return "REMIND#" + shard;
    }

    /** Epoch milliseconds, zero-padded to sort as times do. */
    static String time(Instant at) {
        String digits = Long.toString(at.toEpochMilli());
        return "0".repeat(Math.max(0, 15 - digits.length())) + digits;
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

    /** A user's model tokens, one item a day (UTC), under the user like the rest of their data. */
    static String tokenBudget(String userId) {
        return user(userId) + "#TOKENS";
    }

    static String tokenDay(LocalDate day) {
        return "DAY#" + day;
    }

    /** A personal API key's own item: its partition is the SHA-256 of the key, so a lookup is one GetItem. */
    static String apiKey(String digest) {
        return "APIKEY#" + digest;
    }

    static final String API_KEY_ITEM = "KEY";
    /** Under the owner: the key counter ("APIKEY") sorts just before the keys' items ("APIKEY#<number>"). */
    static final String API_KEY_COUNTER = "APIKEY";

    static String apiKeyOfUser(long keyId) {
        return API_KEY_COUNTER + "#" + padded(keyId);
    }

    /** gsi1: a user's keys, for listing them with their last use. */
    static String apiKeysOfUser(String userId) {
        return user(userId) + "#APIKEYS";
    }

    static String apiKeyNumber(long keyId) {
        return padded(keyId);
    }

    /**
     * A user leaving ({@code DELETE /v1/me}) while the purge of their items runs: a partition of its
     * own, so that deleting the user's partitions never deletes it before the end.
     */
    static String leaving(String userId) {
        return "LEAVING#" + userId;
    }

    static final String LEAVING = "LEAVING";

    /** Under the owner ({@code USER#<sub>}): one open WebSocket connection, by API Gateway's connection id. */
    static String connectionOfUser(String connectionId) {
        return CONNECTION_PREFIX + connectionId;
    }

    static final String CONNECTION_PREFIX = "CONN#";

    /** gsi1: a connection found by its id alone, for {@code $disconnect}, which names nothing else. */
    static String connection(String connectionId) {
        return CONNECTION_PREFIX + connectionId;
    }

    static final String CONNECTION_INDEX_ITEM = "CONN";

    /** A live connect ticket's own item: its partition is the SHA-256 of the ticket, so redeeming it is one delete. */
    static String ticket(String digest) {
        return "TICKET#" + digest;
    }

    static final String TICKET_ITEM = "TICKET";

    /** gsi1: a user's unexpired tickets, for the purge of a user who leaves. */
    static String ticketsOfUser(String userId) {
        return user(userId) + "#TICKETS";
    }

    private static String padded(long number) {
        String digits = Long.toString(number);
        return "0".repeat(Math.max(0, NUMBER_DIGITS - digits.length())) + digits;
    }
}
