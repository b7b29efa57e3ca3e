package com.todoapi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Local-mode values that must never be template defaults: parameter values for the template
 * and extra environment for every function (local JWT settings, for instance). Read from
 * {@code local/local-config.json}.
 */
public record LocalConfig(Map<String, String> parameters, Map<String, String> environment) {

    public static LocalConfig none() {
        return new LocalConfig(Map.of(), Map.of());
    }

    public static LocalConfig read(Path file) {
        if (!Files.exists(file)) {
            return none();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            return new LocalConfig(strings(root.path("parameters")), strings(root.path("environment")));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return Map.copyOf(values);
    }
}
