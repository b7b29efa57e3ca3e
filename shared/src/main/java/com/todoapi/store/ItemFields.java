package com.todoapi.store;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The builder the Enhanced Client fills while it reads an item, before the item's record is made:
 * one class serves every immutable item schema instead of a hand-written builder per record.
 */
final class ItemFields {
    private final Map<String, Object> values = new HashMap<>();

    static <V> BiConsumer<ItemFields, V> set(String name) {
        return (fields, value) -> fields.values.put(name, value);
    }

    @SuppressWarnings("unchecked")
    <V> V get(String name) {
        return (V) values.get(name);
    }
}
