package com.todoapi.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The implementation choices as one Markdown table, each variant's cold start beside its choice's
 * own (ours); then, for a probe measured in more than one choice, how far apart its medians came
 * out: a glimpse of the run's noise.
 */
final class ChoiceTable {
    private ChoiceTable() {
    }

    static String render(List<Choices.Result> results) {
        StringBuilder table = new StringBuilder()
                .append("| choice | variant | cold start, median (ms) | vs the project's | warm p50 (ms) | warm p99 (ms) "
                        + "| classes loaded | package (MB) | jars |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Choices.Result r : results) {
            table.append(String.format("| %s | %s | %.0f | %s | %.2f | %.2f | %d | %.1f | %d |%n", r.variant().choice(),
                    r.variant().label(), r.coldMillis(), versusOurs(r, results), r.warmP50(), r.warmP99(),
                    r.classesLoaded(), r.packageBytes() / 1e6, r.jars()));
        }
        results.stream()
                .collect(Collectors.groupingBy(r -> r.variant().handler(), LinkedHashMap::new, Collectors.toList()))
                .values().stream()
                .filter(same -> same.size() > 1)
                .forEach(same -> table.append(sameProbe(same)));
        return table.toString();
    }

    /** The ratio of cold starts to the project's variant of the same choice, or a dash when that was not measured. */
    private static String versusOurs(Choices.Result result, List<Choices.Result> results) {
        return results.stream()
                .filter(r -> r.variant().ours() && r.variant().choice().equals(result.variant().choice()))
                .findFirst()
                .map(ours -> String.format("%.2f", result.coldMillis() / ours.coldMillis()))
                .orElse("–");
    }

    private static String sameProbe(List<Choices.Result> same) {
        double fastest = same.stream().mapToDouble(Choices.Result::coldMillis).min().orElseThrow();
        double slowest = same.stream().mapToDouble(Choices.Result::coldMillis).max().orElseThrow();
        return String.format("%s are the same probe, measured %d times: %s ms, %.0f%% apart by chance alone.%n",
                same.stream().map(r -> r.variant().label()).collect(Collectors.joining(" and ")), same.size(),
                same.stream().map(r -> String.format("%.0f", r.coldMillis())).collect(Collectors.joining(" and ")),
                100 * (slowest / fastest - 1));
    }
}
