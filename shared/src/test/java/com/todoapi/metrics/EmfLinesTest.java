package com.todoapi.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.testing.EmfFormat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every line the metrics code can print, checked against the embedded metric format's rules. */
class EmfLinesTest {
    private static final long NOW = 1_764_000_000_000L;
    private static final List<String> TOOLS = List.of("add_task", "list_tasks", "complete_task", "delete_task",
            "update_task", "unknown");
    private static final List<String> OUTCOMES = List.of("ok", "error", "failed");
    private static final List<String> DROPS = List.of("gone", "throttled", "failed", "timeout", "over_budget");

    @Test
    void everyMetricAndEveryDimensionValueMakesValidLines() {
        Metrics metrics = new Metrics();
        for (Metric metric : Metric.values()) {
            if (metric == Metric.TOOL_CALLS) {
                TOOLS.forEach(tool -> OUTCOMES.forEach(outcome -> metrics.add(metric, 1,
                        Map.of(Metric.Dimension.TOOL, tool, Metric.Dimension.OUTCOME, outcome))));
            } else if (metric == Metric.LIVE_PUSHES_DROPPED) {
                DROPS.forEach(outcome -> metrics.add(metric, 1, Map.of(Metric.Dimension.OUTCOME, outcome)));
            } else {
                metrics.add(metric, 2);
            }
        }
        for (int call = 0; call < 250; call++) {
            metrics.modelCall(120, 40, Duration.ofMillis(300 + call));
        }

        List<String> lines = EmfLines.render("TodoApi/test", "stack-ChatWorkerFunction-abc", NOW, metrics);

        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            assertThat(EmfFormat.claims(line)).as(line).isTrue();
            assertThat(EmfFormat.problems(line)).as(line).isEmpty();
            assertThat(EmfFormat.members(line)).as("nothing on the line but the metrics and their dimensions")
                    .isEqualTo(EmfFormat.referencedMembers(line));
        }
        long dropsOfTheirOwn = DROPS.stream().filter(outcome -> !OUTCOMES.contains(outcome)).count();
        assertThat(lines).as("a line per tool and outcome pair (a member has one value a line), one per drop outcome"
                        + " no tool line has; the rest fit in them")
                .hasSize(TOOLS.size() * OUTCOMES.size() + (int) dropsOfTheirOwn);
    }

    @Test
    void countsAddUpAndLatenciesStayApart() throws Exception {
        Metrics metrics = new Metrics();
        metrics.count(Metric.REQUESTS_RATE_LIMITED);
        metrics.count(Metric.REQUESTS_RATE_LIMITED);
        metrics.modelCall(10, 5, Duration.ofMillis(200));
        metrics.modelCall(20, 5, Duration.ofMillis(450));

        List<String> lines = EmfLines.render("TodoApi/test", "Fn", NOW, metrics);

        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.getFirst());
        assertThat(line.get("RequestsRateLimited").asLong()).isEqualTo(2);
        assertThat(line.get("ModelInputTokens").asLong()).isEqualTo(30);
        assertThat(line.get("ModelLatency")).hasSize(2);
        assertThat(line.get("FunctionName").asText()).isEqualTo("Fn");
        assertThat(line.at("/_aws/Timestamp").asLong()).isEqualTo(NOW);
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("TodoApi/test");
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Dimensions/0/0").asText()).isEqualTo("FunctionName");
    }

    @Test
    void aTurnWithOneToolIsOneLine() {
        Metrics metrics = new Metrics();
        metrics.count(Metric.REPLIES_COMPLETED);
        metrics.add(Metric.TOOL_CALLS, 1, Map.of(Metric.Dimension.TOOL, "add_task", Metric.Dimension.OUTCOME, "ok"));

        List<String> lines = EmfLines.render("TodoApi/test", "Fn", NOW, metrics);

        assertThat(lines).hasSize(1);
        assertThat(EmfFormat.problems(lines.getFirst())).isEmpty();
    }

    @Test
    void nothingCountedPrintsNothing() {
        assertThat(EmfLines.render("TodoApi/test", "Fn", NOW, new Metrics())).isEmpty();
        List<String> printed = new ArrayList<>();
        var out = System.out;
        try (var capture = new java.io.ByteArrayOutputStream(); var stream = new java.io.PrintStream(capture)) {
            System.setOut(stream);
            new MetricsLog("TodoApi/test", "Fn", java.time.Clock.systemUTC()).flush(new Metrics());
            stream.flush();
            printed.add(capture.toString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } finally {
            System.setOut(out);
        }
        assertThat(printed).containsExactly("");
    }

    @Test
    void aMetricTakesOnlyItsOwnDimensions() {
        Metrics metrics = new Metrics();
        assertThatThrownBy(() -> metrics.add(Metric.TOOL_CALLS, 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.add(Metric.REPLIES_COMPLETED, 1, Map.of("UserId", "alice")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCheckerCatchesWhatBreaksTheFormat() {
        String good = EmfLines.render("Ns", "Fn", NOW, counted()).getFirst();
        assertThat(EmfFormat.problems(good)).isEmpty();
        assertThat(EmfFormat.problems(good.replace("\"Namespace\":\"Ns\",", ""))).isNotEmpty();
        assertThat(EmfFormat.problems(good.replace("\"Count\"", "\"Pieces\""))).isNotEmpty();
        assertThat(EmfFormat.problems(good.replace("\"FunctionName\":\"Fn\"", "\"FunctionName\":7"))).isNotEmpty();
        assertThat(EmfFormat.problems(good.replace("\"RequestsRateLimited\":1", "\"RequestsRateLimited\":\"1\""))).isNotEmpty();
        assertThat(EmfFormat.problems(good.replace(",\"RequestsRateLimited\":1", ""))).isNotEmpty();
        assertThat(EmfFormat.problems(good.replace("\"Timestamp\":" + NOW, "\"Timestamp\":" + NOW / 1000))).isNotEmpty();
        assertThat(EmfFormat.problems("{\"level\":\"INFO\"}")).isNotEmpty();
        assertThat(EmfFormat.claims("{\"level\":\"INFO\"}")).isFalse();
    }

    private static Metrics counted() {
        Metrics metrics = new Metrics();
        metrics.count(Metric.REQUESTS_RATE_LIMITED);
        return metrics;
    }
}
