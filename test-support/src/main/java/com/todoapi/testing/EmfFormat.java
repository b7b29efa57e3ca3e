package com.todoapi.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks a log line against CloudWatch's embedded metric format specification
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * a JSON object whose {@code _aws} holds a millisecond {@code Timestamp} and a {@code CloudWatchMetrics}
 * array of directives; each directive a {@code Namespace}, {@code Dimensions} (dimension sets of at
 * most 30 names, each a top-level member with a string value) and at most 100 {@code Metrics}
 * (a {@code Name} whose member is a number or at most 100 numbers, an optional {@code Unit} from
 * CloudWatch's list, an optional {@code StorageResolution} of 1 or 60); no other members in them.
 */
public final class EmfFormat {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");
    private static final int MAX_DIMENSIONS = 30;
    private static final int MAX_METRICS = 100;
    private static final int MAX_VALUES = 100;

    private EmfFormat() {
    }

    /** Whether the line claims to be an EMF document (a JSON object with an {@code _aws} member). */
    public static boolean claims(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{") || !trimmed.contains("\"_aws\"")) {
            return false;
        }
        try {
            return JSON.readTree(trimmed).has("_aws");
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** What breaks the format, empty if nothing does. */
    public static List<String> problems(String line) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return List.of("not a JSON object");
        }
        JsonNode aws = root.get("_aws");
        if (aws == null || !aws.isObject()) {
            return List.of("no _aws object");
        }
        JsonNode timestamp = aws.get("Timestamp");
        if (timestamp == null || !timestamp.isIntegralNumber() || timestamp.asLong() < 1_000_000_000_000L) {
            problems.add("_aws.Timestamp is not a time in milliseconds: " + timestamp);
        }
        JsonNode directives = aws.get("CloudWatchMetrics");
        if (directives == null || !directives.isArray() || directives.isEmpty()) {
            problems.add("_aws.CloudWatchMetrics is not a non-empty array");
            return problems;
        }
        for (JsonNode directive : directives) {
            checkDirective(root, directive, problems);
        }
        return problems;
    }

    private static void checkDirective(JsonNode root, JsonNode directive, List<String> problems) {
        if (!directive.isObject()) {
            problems.add("a directive is not an object");
            return;
        }
        onlyMembers(directive, Set.of("Namespace", "Dimensions", "Metrics"), "a directive", problems);
        JsonNode namespace = directive.get("Namespace");
        if (namespace == null || !namespace.isTextual() || namespace.asText().isBlank() || namespace.asText().length() > 255
                || namespace.asText().startsWith(":")) {
            problems.add("Namespace missing or invalid: " + namespace);
        }
        JsonNode dimensions = directive.get("Dimensions");
        if (dimensions == null || !dimensions.isArray() || dimensions.isEmpty()) {
            problems.add("Dimensions is not a non-empty array of dimension sets");
        } else {
            for (JsonNode set : dimensions) {
                if (!set.isArray() || set.size() > MAX_DIMENSIONS) {
                    problems.add("a dimension set is not an array of at most " + MAX_DIMENSIONS + " names: " + set);
                    continue;
                }
                for (JsonNode name : set) {
                    JsonNode target = name.isTextual() ? root.get(name.asText()) : null;
                    if (target == null || !target.isTextual() || target.asText().isBlank()) {
                        problems.add("dimension " + name + " has no string member on the root");
                    }
                }
            }
        }
        JsonNode metrics = directive.get("Metrics");
        if (metrics == null || !metrics.isArray() || metrics.size() > MAX_METRICS) {
            problems.add("Metrics is not an array of at most " + MAX_METRICS + " definitions");
            return;
        }
        Set<String> names = new HashSet<>();
        for (JsonNode definition : metrics) {
            checkDefinition(root, definition, names, problems);
        }
    }

    private static void checkDefinition(JsonNode root, JsonNode definition, Set<String> names, List<String> problems) {
        if (!definition.isObject()) {
            problems.add("a metric definition is not an object");
            return;
        }
        onlyMembers(definition, Set.of("Name", "Unit", "StorageResolution"), "a metric definition", problems);
        JsonNode name = definition.get("Name");
        if (name == null || !name.isTextual() || name.asText().isEmpty() || name.asText().length() > 255) {
            problems.add("a metric has no Name");
            return;
        }
        if (!names.add(name.asText())) {
            problems.add("metric " + name + " is defined twice in one directive");
        }
        JsonNode unit = definition.get("Unit");
        if (unit != null && (!unit.isTextual() || !UNITS.contains(unit.asText()))) {
            problems.add("metric " + name + " has a unit CloudWatch does not know: " + unit);
        }
        JsonNode resolution = definition.get("StorageResolution");
        if (resolution != null && !(resolution.isIntegralNumber() && (resolution.asInt() == 1 || resolution.asInt() == 60))) {
            problems.add("metric " + name + " has a StorageResolution other than 1 or 60: " + resolution);
        }
        JsonNode value = root.get(name.asText());
        boolean numeric = value != null && (value.isNumber()
                || value.isArray() && !value.isEmpty() && value.size() <= MAX_VALUES && allNumbers(value));
        if (!numeric) {
            problems.add("metric " + name + " has no numeric member (a number or up to " + MAX_VALUES + " numbers): " + value);
        }
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static void onlyMembers(JsonNode object, Set<String> allowed, String what, List<String> problems) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                problems.add(what + " has a member the format does not define: " + field);
            }
        }
    }

    /** The root members a line's directives reference (dimension values and metric values), with {@code _aws}. */
    public static Set<String> referencedMembers(String line) {
        Set<String> referenced = new HashSet<>(Set.of("_aws"));
        try {
            for (JsonNode directive : JSON.readTree(line).path("_aws").path("CloudWatchMetrics")) {
                directive.path("Dimensions").forEach(set -> set.forEach(name -> referenced.add(name.asText())));
                directive.path("Metrics").forEach(definition -> referenced.add(definition.path("Name").asText()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + line, e);
        }
        return referenced;
    }

    /** Every root member of the line. */
    public static Set<String> members(String line) {
        Set<String> members = new HashSet<>();
        try {
            JSON.readTree(line).fieldNames().forEachRemaining(members::add);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + line, e);
        }
        return members;
    }
}
