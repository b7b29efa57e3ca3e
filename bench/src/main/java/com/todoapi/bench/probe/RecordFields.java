package com.todoapi.bench.probe;

import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/** A copy of the project's ItemFields (package-private there): the builder the Enhanced Client fills for a record. */
final class RecordFields {
    private final Map<String, Object> values = new HashMap<>();

    static <T, V> Consumer<ImmutableAttribute.Builder<T, RecordFields, V>> attribute(
            String name, Function<T, V> getter, StaticAttributeTag... tags) {
        BiConsumer<RecordFields, V> setter = (fields, value) -> fields.values.put(name, value);
        return a -> a.name(name).getter(getter).setter(setter).tags(tags);
    }

    @SuppressWarnings("unchecked")
    <V> V get(String name) {
        return (V) values.get(name);
    }
}
