package com.todoapi.domain;

import java.util.List;
import java.util.Optional;

/** One page of a list and where the next one starts, if there is one. */
public record Page<T, P>(List<T> items, Optional<P> next) {

    public Page {
        items = List.copyOf(items);
    }
}
