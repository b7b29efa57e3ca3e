package com.todoapi.aws.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/**
 * One {@code Idempotency-Key} of a user: who holds it ({@code token}) until when, the digest of the
 * request it was first used with, and once done, the result to replay. Expires by TTL after 24 h.
 */
record IdempotencyItem(String pk, String sk, String status, String requestHash, String token,
                       Long lockedUntil, String result, Long expiresAt) {
    static final String IN_PROGRESS = "in_progress";
    static final String COMPLETED = "completed";

    static final TableSchema<IdempotencyItem> SCHEMA = StaticImmutableTableSchema
            .builder(IdempotencyItem.class, ItemFields.class)
            .newItemBuilder(ItemFields::new, f -> new IdempotencyItem(f.get("pk"), f.get("sk"), f.get("status"),
                    f.get("request_hash"), f.get("token"), f.get("locked_until"), f.get("result"), f.get("expires_at")))
            .addAttribute(String.class, ItemFields.attribute("pk", IdempotencyItem::pk, primaryPartitionKey()))
            .addAttribute(String.class, ItemFields.attribute("sk", IdempotencyItem::sk, primarySortKey()))
            .addAttribute(String.class, ItemFields.attribute("status", IdempotencyItem::status))
            .addAttribute(String.class, ItemFields.attribute("request_hash", IdempotencyItem::requestHash))
            .addAttribute(String.class, ItemFields.attribute("token", IdempotencyItem::token))
            .addAttribute(Long.class, ItemFields.attribute("locked_until", IdempotencyItem::lockedUntil))
            .addAttribute(String.class, ItemFields.attribute("result", IdempotencyItem::result))
            .addAttribute(Long.class, ItemFields.attribute("expires_at", IdempotencyItem::expiresAt))
            .build();
}
