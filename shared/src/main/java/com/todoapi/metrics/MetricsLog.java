package com.todoapi.metrics;

import com.todoapi.config.Env;

import java.io.PrintStream;
import java.time.Clock;

/**
 * Prints an invocation's metrics to stdout at its end, where Lambda sends every line to
 * CloudWatch Logs and CloudWatch extracts the metrics from the embedded metric format. Nothing
 * is printed for an invocation that counted nothing.
 */
public final class MetricsLog {
    static final String DEFAULT_NAMESPACE = "TodoApi";

    private final String namespace;
    private final String functionName;
    private final Clock clock;

    public MetricsLog(String namespace, String functionName, Clock clock) {
        this.namespace = namespace;
        this.functionName = functionName;
        this.clock = clock;
    }

    /** {@code METRICS_NAMESPACE} (the template sets one per stack) and the function's name as Lambda gives it. */
    public static MetricsLog fromEnvironment() {
        Env env = Env.system();
        return new MetricsLog(env.optional("METRICS_NAMESPACE").orElse(DEFAULT_NAMESPACE),
                env.optional("AWS_LAMBDA_FUNCTION_NAME").orElse("unknown"), Clock.systemUTC());
    }

    public void flush(Metrics metrics) {
        if (metrics.isEmpty()) {
            return;
        }
        PrintStream out = System.out;
        for (String line : EmfLines.render(namespace, functionName, clock.millis(), metrics)) {
            out.println(line);
        }
    }
}
