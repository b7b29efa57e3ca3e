package com.todoapi.aws.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.atomicCounter;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/** A user's request count in one fixed window; {@code hits} is bumped atomically by the table. */
record RateWindowItem(String pk, String sk, Long hits, Long expiresAt) {

    static final TableSchema<RateWindowItem> SCHEMA = StaticImmutableTableSchema
            .builder(RateWindowItem.class, ItemFields.class)
            .newItemBuilder(ItemFields::new, f -> new RateWindowItem(f.get("pk"), f.get("sk"), f.get("hits"),
                    f.get("expires_at")))
            .addAttribute(String.class, ItemFields.attribute("pk", RateWindowItem::pk, primaryPartitionKey()))
            .addAttribute(String.class, ItemFields.attribute("sk", RateWindowItem::sk, primarySortKey()))
            .addAttribute(Long.class, ItemFields.attribute("hits", RateWindowItem::hits, atomicCounter(1, 1)))
            .addAttribute(Long.class, ItemFields.attribute("expires_at", RateWindowItem::expiresAt))
            .build();
}
