package com.todoapi.config;

import java.util.Map;
import java.util.Optional;

/** Reads a function's configuration from its environment, failing loudly on what is missing. */
public record Env(Map<String, String> variables) {
    /** Set to {@code true} by the local runtime only: what is refused in AWS (plain secrets, call recording). */
    public static final String LOCAL_MODE = "TODO_LOCAL_MODE";

    public static Env system() {
        return new Env(System.getenv());
    }

    public String require(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " must be set (see template.yaml)");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    public boolean localMode() {
        return optional(LOCAL_MODE).map(Boolean::parseBoolean).orElse(false);
    }
}
