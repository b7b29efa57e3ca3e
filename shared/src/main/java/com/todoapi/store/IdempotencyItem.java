package com.todoapi.store;

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
            .addAttribute(String.class, a -> a.name("pk").getter(IdempotencyItem::pk).setter(ItemFields.set("pk"))
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("sk").getter(IdempotencyItem::sk).setter(ItemFields.set("sk"))
                    .tags(primarySortKey()))
            .addAttribute(String.class, a -> a.name("status").getter(IdempotencyItem::status)
                    .setter(ItemFields.set("status")))
            .addAttribute(String.class, a -> a.name("request_hash").getter(IdempotencyItem::requestHash)
                    .setter(ItemFields.set("request_hash")))
            .addAttribute(String.class, a -> a.name("token").getter(IdempotencyItem::token)
                    .setter(ItemFields.set("token")))
            .addAttribute(Long.class, a -> a.name("locked_until").getter(IdempotencyItem::lockedUntil)
                    .setter(ItemFields.set("locked_until")))
            .addAttribute(String.class, a -> a.name("result").getter(IdempotencyItem::result)
                    .setter(ItemFields.set("result")))
            .addAttribute(Long.class, a -> a.name("expires_at").getter(IdempotencyItem::expiresAt)
                    .setter(ItemFields.set("expires_at")))
            .build();
}
