package com.todoapi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local-mode values that must never be template defaults: parameter values for the template,
 * extra environment for every function (local JWT settings, for instance), and the events sent
 * once the runtime is up when it starts on kept data. Read from {@code local/local-config.json}.
 */
public record LocalConfig(Map<String, String> parameters, Map<String, String> environment, List<StartEvent> onStart) {

    /**
     * An event for one function, sent when the runtime starts on kept data. ElasticMQ keeps its
     * queues in memory, so jobs queued when the runtime last stopped are gone; the sweeper's
     * "Resend pending work" event sends them again from the table, where they are kept.
     */
    public record StartEvent(String function, String event) {
    }

    public LocalConfig(Map<String, String> parameters, Map<String, String> environment) {
        this(parameters, environment, List.of());
    }

    public static LocalConfig none() {
        return new LocalConfig(Map.of(), Map.of());
    }

    public static LocalConfig read(Path file) {
        if (!Files.exists(file)) {
            return none();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            return new LocalConfig(strings(root.path("parameters")), strings(root.path("environment")),
                    startEvents(root.path("onStart")));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<StartEvent> startEvents(JsonNode node) {
        List<StartEvent> events = new ArrayList<>();
        for (JsonNode entry : node) {
            if (!entry.path("function").isTextual() || !entry.path("event").isObject()) {
                throw new IllegalArgumentException("onStart entries need a \"function\" name and an \"event\" object: " + entry);
            }
            events.add(new StartEvent(entry.get("function").asText(), entry.get("event").toString()));
        }
        return List.copyOf(events);
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return Map.copyOf(values);
    }
}
