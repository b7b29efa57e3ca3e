package com.todoapi.bench;

import java.util.List;

/** The load run's figures per route, as a Markdown table. */
final class LoadTable {
    private LoadTable() {
    }

    static String render(List<LoadRun.Result> results) {
        StringBuilder table = new StringBuilder()
                .append("| route | requests | requests/s | p50 (ms) | p99 (ms) | errors | non-2xx |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (LoadRun.Result r : results) {
            table.append(String.format("| `%s` | %d | %.0f | %.0f | %.0f | %d | %d |%n", r.route(), r.requests(),
                    r.perSecond(), r.p50(), r.p99(), r.errors(), r.non2xx()));
        }
        return table.toString();
    }
}
