package com.todoapi.aws.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The builder the Enhanced Client fills while it reads an item, before the item's record is made:
 * one class serves every immutable item schema instead of a hand-written builder per record.
 */
final class ItemFields {
    private final Map<String, Object> values = new HashMap<>();

    /** An attribute read by {@code getter} and written back under the same name. */
    static <T, V> Consumer<ImmutableAttribute.Builder<T, ItemFields, V>> attribute(
            String name, Function<T, V> getter, StaticAttributeTag... tags) {
        BiConsumer<ItemFields, V> setter = (fields, value) -> fields.values.put(name, value);
        return a -> a.name(name).getter(getter).setter(setter).tags(tags);
    }

    /** An instant attribute, stored as the SDK stores instants and read by {@link IsoInstantConverter}. */
    static <T> Consumer<ImmutableAttribute.Builder<T, ItemFields, Instant>> instant(String name, Function<T, Instant> getter,
                                                                                   StaticAttributeTag... tags) {
        return ItemFields.<T, Instant>attribute(name, getter, tags).andThen(a -> a.attributeConverter(new IsoInstantConverter()));
    }

    @SuppressWarnings("unchecked")
    <V> V get(String name) {
        return (V) values.get(name);
    }
}
