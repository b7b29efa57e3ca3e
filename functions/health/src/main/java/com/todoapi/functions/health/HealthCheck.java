package com.todoapi.functions.health;

import com.todoapi.health.Probe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs every probe at once, so the check takes as long as the slowest, not the sum. */
final class HealthCheck {
    private final List<Probe> probes;

    HealthCheck(List<Probe> probes) {
        this.probes = List.copyOf(probes);
    }

    HealthReport run() {
        Map<String, Future<Boolean>> pending = new LinkedHashMap<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Probe probe : probes) {
                pending.put(probe.name(), executor.submit(() -> answers(probe)));
            }
        } // closing the executor waits for every probe
        Map<String, Boolean> results = new LinkedHashMap<>();
        pending.forEach((name, future) -> results.put(name, future.resultNow()));
        return new HealthReport(results);
    }

    private static boolean answers(Probe probe) {
        try {
            probe.check();
            return true;
        } catch (RuntimeException failure) {
            return false;
        }
    }
}
