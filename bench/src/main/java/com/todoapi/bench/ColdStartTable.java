package com.todoapi.bench;

import java.util.List;

/** The cold-start results as a Markdown table, each function's median beside the floor's. */
final class ColdStartTable {
    private ColdStartTable() {
    }

    static String render(List<ColdStarts.Result> results) {
        double floor = results.stream().filter(r -> r.function().equals(ColdStarts.FLOOR)).findFirst()
                .orElseThrow().medianMillis();
        StringBuilder table = new StringBuilder()
                .append("| function | cold start, median (ms) | × floor | classes loaded | package (MB) |\n")
                .append("|---|---|---|---|---|\n");
        for (ColdStarts.Result r : results) {
            table.append(String.format("| %s | %.0f | %.2f | %d | %.1f |%n", r.function(), r.medianMillis(),
                    r.medianMillis() / floor, r.classesLoaded(), r.packageBytes() / 1e6));
        }
        ColdStarts.Result heaviest = results.stream().filter(r -> !r.function().equals(ColdStarts.FLOOR))
                .max(java.util.Comparator.comparingDouble(ColdStarts.Result::medianMillis)).orElseThrow();
        table.append(String.format("Heaviest: %s, %.2f × the floor.%n", heaviest.function(), heaviest.medianMillis() / floor));
        return table.toString();
    }
}
