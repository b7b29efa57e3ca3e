package com.todoapi.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one invocation counted, until {@link MetricsLog} prints it at the invocation's end. Made
 * per invocation and never kept: nothing here outlives the request that recorded it.
 * Counts add up; other values (latencies) are kept one by one.
 */
public final class Metrics {
    private final Map<Map<String, String>, Map<Metric, List<Double>>> recorded = new LinkedHashMap<>();

    /** One more of a metric whose only dimension is the function. */
    public void count(Metric metric) {
        add(metric, 1, Map.of());
    }

    public void add(Metric metric, double value) {
        add(metric, value, Map.of());
    }

    /** {@code dimensions}: a value for each of the metric's dimensions but the function name. */
    public void add(Metric metric, double value, Map<String, String> dimensions) {
        Set<String> expected = new LinkedHashSet<>(metric.dimensions());
        expected.remove(Metric.Dimension.FUNCTION_NAME);
        if (!expected.equals(dimensions.keySet())) {
            throw new IllegalArgumentException(metric + " takes the dimensions " + expected + ", not " + dimensions.keySet());
        }
        List<Double> values = recorded.computeIfAbsent(Map.copyOf(dimensions), d -> new LinkedHashMap<>())
                .computeIfAbsent(metric, m -> new ArrayList<>());
        if (metric.unit() == Metric.Unit.COUNT && !values.isEmpty()) {
            values.set(0, values.getFirst() + value);
        } else {
            values.add(value);
        }
    }

    /**
     * What a model reply used: its tokens and the agent's time for the turn (ReplyTurns records it
     * for every reply a model agent writes; the built-in agent records none).
     */
    public void modelCall(long inputTokens, long outputTokens, Duration latency) {
        add(Metric.MODEL_INPUT_TOKENS, inputTokens);
        add(Metric.MODEL_OUTPUT_TOKENS, outputTokens);
        add(Metric.MODEL_LATENCY, latency.toNanos() / 1_000_000.0);
    }

    public boolean isEmpty() {
        return recorded.isEmpty();
    }

    /** The sum of a metric's values over every dimension value recorded. */
    public double total(Metric metric) {
        return recorded.values().stream().map(byMetric -> byMetric.getOrDefault(metric, List.of()))
                .flatMap(List::stream).mapToDouble(Double::doubleValue).sum();
    }

    /** What was recorded: by dimension values (the function name aside), then by metric. */
    Map<Map<String, String>, Map<Metric, List<Double>>> recorded() {
        return recorded;
    }
}
