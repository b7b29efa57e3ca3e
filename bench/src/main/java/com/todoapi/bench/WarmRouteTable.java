package com.todoapi.bench;

import java.util.Comparator;
import java.util.List;

/** Warm latency, the handler's own share and DynamoDB's cost per route, as a Markdown table, and the own-p99 goal. */
final class WarmRouteTable {
    /** The goal for the handler's own p99, DynamoDB and SQS time taken out. */
    static final double OWN_P99_GOAL_MILLIS = 2.0;

    private WarmRouteTable() {
    }

    static String render(List<WarmRoutes.Result> results) {
        StringBuilder table = new StringBuilder()
                .append("| route | p50 (ms) | p99 (ms) | handler's own p50 (ms) | own p99 (ms) | DynamoDB calls | read units "
                        + "| write units | GCs while timed (ms) |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (WarmRoutes.Result r : results) {
            table.append(String.format("| `%s` | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f | %.1f | %d (%.0f) |%n", r.route(),
                    r.p50(), r.p99(), r.ownP50(), r.ownP99(), r.calls(), r.readUnits(), r.writeUnits(), r.collections(),
                    r.collectionMillis()));
        }
        long met = results.stream().filter(r -> r.ownP99() < OWN_P99_GOAL_MILLIS).count();
        WarmRoutes.Result worst = results.stream().max(Comparator.comparingDouble(WarmRoutes.Result::ownP99)).orElseThrow();
        table.append(String.format("Handler's own p99 under %.0f ms on %d of %d routes; the highest: `%s`, %.2f ms.%n",
                OWN_P99_GOAL_MILLIS, met, results.size(), worst.route(), worst.ownP99()));
        return table.toString();
    }
}
