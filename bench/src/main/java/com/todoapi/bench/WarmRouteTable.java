package com.todoapi.bench;

import java.util.List;

/** Warm latency, the handler's own share and DynamoDB's cost per route, as a Markdown table. */
final class WarmRouteTable {
    private WarmRouteTable() {
    }

    static String render(List<WarmRoutes.Result> results) {
        StringBuilder table = new StringBuilder()
                .append("| route | p50 (ms) | p99 (ms) | handler's own p50 (ms) | own p99 (ms) | DynamoDB calls | read units | write units |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (WarmRoutes.Result r : results) {
            table.append(String.format("| `%s` | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f | %.1f |%n", r.route(), r.p50(),
                    r.p99(), r.ownP50(), r.ownP99(), r.calls(), r.readUnits(), r.writeUnits()));
        }
        return table.toString();
    }
}
