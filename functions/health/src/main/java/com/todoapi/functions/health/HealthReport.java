package com.todoapi.functions.health;

import com.todoapi.http.ErrorBody;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the probes found. A failing report is still an error in the API's shape (code
 * {@code unavailable}), with {@code status} and {@code checks} beside it for monitors.
 */
record HealthReport(Map<String, Boolean> results) {

    boolean healthy() {
        return results.values().stream().allMatch(Boolean::booleanValue);
    }

    Object body(String requestId) {
        Map<String, String> checks = new LinkedHashMap<>();
        results.forEach((name, ok) -> checks.put(name, ok ? "ok" : "unavailable"));
        if (healthy()) {
            return new Healthy("ok", checks);
        }
        List<String> failing = results.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        String message = String.join(" and ", failing) + (failing.size() == 1 ? " is" : " are") + " not answering";
        return new Unhealthy("unavailable", checks, ErrorBody.of("unavailable", message, List.of(), requestId).error());
    }

    record Healthy(String status, Map<String, String> checks) {
    }

    record Unhealthy(String status, Map<String, String> checks, ErrorBody.Error error) {
    }
}
