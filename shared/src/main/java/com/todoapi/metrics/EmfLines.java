package com.todoapi.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.todoapi.json.Json;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an invocation's metrics in CloudWatch's embedded metric format: JSON objects whose
 * {@code _aws.CloudWatchMetrics} directives name the namespace, the dimension sets and the metrics,
 * with the dimension values and the metric values as top-level members. A member has one value
 * per line, so metrics whose dimensions differ in value (two tools in one turn) go on separate
 * lines; everything else shares the first line.
 */
public final class EmfLines {
    /** The format's most values for one metric and metrics for one directive. */
    static final int MAX_VALUES = 100;

    private EmfLines() {
    }

    public static List<String> render(String namespace, String functionName, long timestampMillis, Metrics metrics) {
        List<Line> lines = new ArrayList<>();
        for (Directive directive : directives(functionName, metrics)) {
            Line line = lines.stream().filter(l -> l.fits(directive)).findFirst().orElseGet(() -> {
                Line fresh = new Line();
                lines.add(fresh);
                return fresh;
            });
            line.add(directive);
        }
        return lines.stream().map(line -> line.json(namespace, timestampMillis)).toList();
    }

    private static List<Directive> directives(String functionName, Metrics metrics) {
        Map<Map<String, String>, Map<Metric, List<Double>>> grouped = new LinkedHashMap<>();
        metrics.recorded().forEach((dimensions, byMetric) -> byMetric.forEach((metric, values) -> {
            Map<String, String> named = new LinkedHashMap<>();
            for (String dimension : metric.dimensions()) {
                named.put(dimension, dimension.equals(Metric.Dimension.FUNCTION_NAME) ? functionName : dimensions.get(dimension));
            }
            grouped.computeIfAbsent(named, n -> new LinkedHashMap<>()).put(metric, values);
        }));
        List<Directive> directives = new ArrayList<>();
        grouped.forEach((dimensions, byMetric) -> {
            int chunks = byMetric.values().stream().mapToInt(v -> (v.size() + MAX_VALUES - 1) / MAX_VALUES).max().orElse(1);
            for (int chunk = 0; chunk < chunks; chunk++) {
                Map<Metric, List<Double>> part = new LinkedHashMap<>();
                for (Map.Entry<Metric, List<Double>> e : byMetric.entrySet()) {
                    List<Double> values = e.getValue();
                    int from = chunk * MAX_VALUES;
                    if (from < values.size()) {
                        part.put(e.getKey(), values.subList(from, Math.min(values.size(), from + MAX_VALUES)));
                    }
                }
                directives.add(new Directive(dimensions, part));
            }
        });
        return directives;
    }

    private record Directive(Map<String, String> dimensions, Map<Metric, List<Double>> values) {
    }

    private static final class Line {
        private final Map<String, Object> members = new LinkedHashMap<>();
        private final List<Directive> directives = new ArrayList<>();

        boolean fits(Directive directive) {
            boolean dimensionsAgree = directive.dimensions().entrySet().stream()
                    .allMatch(d -> !members.containsKey(d.getKey()) || members.get(d.getKey()).equals(d.getValue()));
            boolean metricsNew = directive.values().keySet().stream().noneMatch(m -> members.containsKey(m.cloudWatchName()));
            return dimensionsAgree && metricsNew;
        }

        void add(Directive directive) {
            directives.add(directive);
            members.putAll(directive.dimensions());
            directive.values().forEach((metric, values) ->
                    members.put(metric.cloudWatchName(), values.size() == 1 ? number(values.getFirst())
                            : values.stream().map(EmfLines::number).toList()));
        }

        String json(String namespace, long timestampMillis) {
            List<Object> cloudWatchMetrics = new ArrayList<>();
            for (Directive directive : directives) {
                List<Object> definitions = new ArrayList<>();
                for (Metric metric : directive.values().keySet()) {
                    Map<String, Object> definition = new LinkedHashMap<>();
                    definition.put("Name", metric.cloudWatchName());
                    definition.put("Unit", metric.unit().cloudWatchName());
                    definitions.add(definition);
                }
                Map<String, Object> metricDirective = new LinkedHashMap<>();
                metricDirective.put("Namespace", namespace);
                metricDirective.put("Dimensions", List.of(List.copyOf(directive.dimensions().keySet())));
                metricDirective.put("Metrics", definitions);
                cloudWatchMetrics.add(metricDirective);
            }
            Map<String, Object> aws = new LinkedHashMap<>();
            aws.put("Timestamp", timestampMillis);
            aws.put("CloudWatchMetrics", cloudWatchMetrics);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("_aws", aws);
            root.putAll(members);
            try {
                return Json.MAPPER.writeValueAsString(root);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Number number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }
}
