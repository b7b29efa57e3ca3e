package com.todoapi.bench;

import java.util.List;

/**
 * The memory sizes as a Markdown table, with what a million warm requests cost in Lambda
 * (duration billed by the millisecond at that size, plus the request charge) on arm64, and on
 * x86_64 at the same duration, since the other architecture cannot be timed here.
 */
final class MemorySizeTable {
    private MemorySizeTable() {
    }

    static String render(List<MemorySizes.Result> results) {
        StringBuilder table = new StringBuilder()
                .append("| memory (MB) | vCPU | cold start, median (ms) | warm p50 (ms) | warm p99 (ms) "
                        + "| Lambda $ per million, arm64 | x86_64 at the same duration |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (MemorySizes.Result r : results) {
            table.append(String.format("| %d | %.2f | %.0f | %.2f | %.2f | %.2f | %.2f |%n", r.memoryMb(), r.vcpus(),
                    r.coldMillis(), r.warmP50(), r.warmP99(),
                    lambdaDollarsPerMillion(r, Prices.LAMBDA_ARM64_GB_SECOND),
                    lambdaDollarsPerMillion(r, Prices.LAMBDA_X86_GB_SECOND)));
        }
        return table.toString();
    }

    static double lambdaDollarsPerMillion(MemorySizes.Result r, double pricePerGbSecond) {
        double gigabyteSeconds = Math.ceil(r.warmP50()) / 1000 * r.memoryMb() / 1024.0;
        return (gigabyteSeconds * pricePerGbSecond + Prices.LAMBDA_REQUEST) * 1e6;
    }
}
