package com.todoapi.local.template;

import java.util.List;
import java.util.Map;

/** Typed access to the maps and lists a template is made of. */
public final class Yaml {
    private Yaml() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    public static int integer(Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
    }

    public static String string(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }
}
