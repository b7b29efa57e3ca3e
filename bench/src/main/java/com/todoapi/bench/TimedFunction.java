package com.todoapi.bench;

import com.todoapi.local.lambda.FunctionPool;
import com.todoapi.local.lambda.FunctionProcess;
import com.todoapi.local.lambda.InvocationResult;
import com.todoapi.local.template.FunctionSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One function as the benchmarks start it (its spec, environment and event, through the local
 * runtime's process and pool), and the cold-start timings gathered for it so far.
 */
final class TimedFunction {
    final FunctionSpec spec;
    final Map<String, String> environment;
    final byte[] event;
    final List<Double> timings = new ArrayList<>();
    private final List<String> launcher;

    TimedFunction(FunctionSpec spec, Map<String, String> environment, byte[] event) {
        this(spec, environment, event, List.of());
    }

    private TimedFunction(FunctionSpec spec, Map<String, String> environment, byte[] event, List<String> launcher) {
        this.spec = spec;
        this.environment = environment;
        this.event = event;
        this.launcher = launcher;
    }

    /**
     * {@code runs} cold starts of each function, taken in turns (one of each, then again), so that a
     * noisy moment costs every function alike; each keeps its timings.
     */
    static void startInTurns(Collection<TimedFunction> functions, int runs) {
        for (int run = 0; run < runs; run++) {
            for (TimedFunction function : functions) {
                function.timings.add(function.coldStartMillis());
            }
        }
    }

    /** The same function with {@code options} added to its JAVA_TOOL_OPTIONS. */
    TimedFunction withJavaOptions(String options) {
        Map<String, String> changed = new HashMap<>(environment);
        changed.merge("JAVA_TOOL_OPTIONS", options, (a, b) -> a + " " + b);
        return new TimedFunction(spec, changed, event, launcher);
    }

    /** The same function, its JVM started through {@code launcher} (see {@link FunctionProcess#launchedBy}). */
    TimedFunction launchedBy(List<String> launcher) {
        return new TimedFunction(spec, environment, event, launcher);
    }

    private FunctionProcess process(Map<String, String> variables, Consumer<String> log) {
        return new FunctionProcess(spec, variables, log).launchedBy(launcher);
    }

    double coldStartMillis() {
        try (FunctionPool pool = new FunctionPool(process(environment, line -> {
        }), 1, true)) {
            long started = System.nanoTime();
            InvocationResult result = pool.invoke(event);
            double millis = (System.nanoTime() - started) / 1e6;
            if (!result.succeeded()) {
                throw new IllegalStateException(spec.logicalId() + " did not answer its sample event: " + result);
            }
            return millis;
        }
    }

    /** {@code count} requests to one warm instance after as many to warm it, each timed. */
    double[] warmMillis(int count) {
        try (FunctionPool pool = new FunctionPool(process(environment, line -> {
        }), 1, false)) {
            for (int i = 0; i < count; i++) {
                pool.invoke(event);
            }
            double[] timings = new double[count];
            for (int i = 0; i < count; i++) {
                long started = System.nanoTime();
                pool.invoke(event);
                timings[i] = (System.nanoTime() - started) / 1e6;
            }
            return timings;
        }
    }

    /** Classes the JVM loads to serve the first request. */
    int classesLoaded() {
        return classLoadLines().size();
    }

    /** The JVM's class-loading log while it serves its first request (one more run, with class loading logged). */
    List<String> classLoadLines() {
        TimedFunction logging = withJavaOptions("-Xlog:class+load=info:stdout");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try (FunctionPool pool = new FunctionPool(process(logging.environment, line -> {
            if (line.contains("[class,load]")) {
                lines.add(line);
            }
        }), 1, true)) {
            pool.invoke(event);
        }
        return List.copyOf(lines);
    }
}
