package com.todoapi.health;

/** One dependency the service cannot work without. */
public interface Probe {
    /** The name the report uses for this dependency, e.g. {@code dynamodb}. */
    String name();

    /** Returns normally when the dependency answers; throws when it does not. */
    void check();
}
