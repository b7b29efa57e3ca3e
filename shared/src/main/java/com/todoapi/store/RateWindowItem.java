package com.todoapi.store;

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
            .addAttribute(String.class, a -> a.name("pk").getter(RateWindowItem::pk).setter(ItemFields.set("pk"))
                    .tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("sk").getter(RateWindowItem::sk).setter(ItemFields.set("sk"))
                    .tags(primarySortKey()))
            .addAttribute(Long.class, a -> a.name("hits").getter(RateWindowItem::hits).setter(ItemFields.set("hits"))
                    .tags(atomicCounter(1, 1)))
            .addAttribute(Long.class, a -> a.name("expires_at").getter(RateWindowItem::expiresAt)
                    .setter(ItemFields.set("expires_at")))
            .build();
}
