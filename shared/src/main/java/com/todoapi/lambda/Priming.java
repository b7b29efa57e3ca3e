package com.todoapi.lambda;

import com.todoapi.log.RequestLog;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.Map;

/**
 * Runs a function's hot path once before Lambda SnapStart takes the snapshot of its initialised
 * JVM (the {@code org.crac} checkpoint hook), so every restored instance starts with the classes
 * of token checking, JSON and the table client loaded and initialised instead of loading them on
 * its first request. Without SnapStart (on demand, or locally) the hook never fires.
 *
 * <p>The hot path must be read-only: a snapshot is taken once per published version, and what it
 * writes would be written then. The global context holds resources weakly, so whoever registers
 * keeps the returned {@code Priming} in a field.
 */
public final class Priming implements Resource {
    private final Runnable hotPath;

    private Priming(Runnable hotPath) {
        this.hotPath = hotPath;
    }

    public static Priming register(Runnable hotPath) {
        Priming priming = new Priming(hotPath);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** The hot path once, failures thrown: what the checkpoint hook runs, for tests and benchmarks. */
    public void run() {
        hotPath.run();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        try {
            run();
            RequestLog.work("INFO", "priming", Map.of("latency_ms", (System.nanoTime() - started) / 1_000_000), null);
        } catch (RuntimeException failure) {
            // A snapshot without priming is slower on its first request, not broken: publish it anyway.
            RequestLog.work("WARN", "priming_failed", Map.of(), failure);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: clients reconnect by themselves, and nothing request-specific was kept.
    }
}
