package com.todoapi.local.lambda;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** One execution environment: a function JVM and the Runtime API it polls. Serves one event at a time. */
final class FunctionInstance implements AutoCloseable {
    /** Lambda allows 10 s; a JVM on a busy laptop gets more, so a slow start is not mistaken for a failure. */
    static final Duration INIT_TIMEOUT = Duration.ofSeconds(60);

    private final RuntimeApi runtimeApi;
    private final Process process;
    private final int number;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FunctionInstance(RuntimeApi runtimeApi, Process process, int number) {
        this.runtimeApi = runtimeApi;
        this.process = process;
        this.number = number;
    }

    static FunctionInstance start(FunctionProcess function, int number) throws IOException {
        RuntimeApi api = new RuntimeApi(function.functionArn());
        try {
            Process process = function.start(api.address(), number);
            process.onExit().thenAccept(p -> api.processExited(p.exitValue()));
            return new FunctionInstance(api, process, number);
        } catch (IOException | RuntimeException e) {
            api.close();
            throw e;
        }
    }

    int number() {
        return number;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Runs one event; on a timeout the process is stopped, as Lambda stops a timed-out environment. */
    InvocationResult invoke(byte[] payload, Duration timeout) {
        Invocation invocation = new Invocation(payload, timeout.toMillis());
        runtimeApi.offer(invocation);
        try {
            long deadline = invocation.delivered.get(INIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long left = Math.max(1, deadline - System.currentTimeMillis());
            return invocation.result.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            close();
            boolean started = invocation.delivered.isDone();
            return new InvocationResult.Failed(started
                    ? "Task timed out after " + timeout.toMillis() / 1000.0 + " seconds"
                    : "the function did not initialise within " + INIT_TIMEOUT.toSeconds() + " seconds");
        } catch (ExecutionException e) {
            close();
            return invocation.result.getNow(new InvocationResult.Failed(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return new InvocationResult.Failed("interrupted");
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            runtimeApi.close();
        }
    }
}
