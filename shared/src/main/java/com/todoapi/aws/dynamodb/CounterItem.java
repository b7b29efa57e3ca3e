package com.todoapi.aws.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

/** The last number handed out for one kind of a user's items: never decreases, so never reused. */
record CounterItem(String pk, String sk, Long last) {

    static final TableSchema<CounterItem> SCHEMA = StaticImmutableTableSchema.builder(CounterItem.class, ItemFields.class)
            .newItemBuilder(ItemFields::new, f -> new CounterItem(f.get("pk"), f.get("sk"), f.get("last")))
            .addAttribute(String.class, ItemFields.attribute("pk", CounterItem::pk, primaryPartitionKey()))
            .addAttribute(String.class, ItemFields.attribute("sk", CounterItem::sk, primarySortKey()))
            .addAttribute(Long.class, ItemFields.attribute("last", CounterItem::last))
            .build();
}
