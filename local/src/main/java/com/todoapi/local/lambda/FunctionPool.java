package com.todoapi.local.lambda;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function's execution environments, scaled as Lambda scales them: an event goes to an idle
 * instance picked at random (no affinity), or to a new one while fewer than the cap exist, or
 * waits for one to free up. In fresh-process mode every event gets a new JVM that is stopped
 * after it, which proves that nothing a request leaves in memory is needed by the next.
 */
public final class FunctionPool implements AutoCloseable {
    private final FunctionProcess function;
    private final boolean freshProcessPerEvent;
    private final Semaphore permits;
    private final List<FunctionInstance> idle = new ArrayList<>();
    private final List<FunctionInstance> all = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private volatile boolean closed;

    public FunctionPool(FunctionProcess function, int maxInstances, boolean freshProcessPerEvent) {
        this.function = function;
        this.freshProcessPerEvent = freshProcessPerEvent;
        this.permits = new Semaphore(maxInstances, true);
    }

    public String name() {
        return function.spec().logicalId();
    }

    /** How many JVMs this pool has started so far. */
    public int instancesStarted() {
        return started.get();
    }

    public InvocationResult invoke(byte[] event) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InvocationResult.Failed("interrupted while waiting for a free instance");
        }
        try {
            FunctionInstance instance = acquire();
            InvocationResult result = instance.invoke(event, Duration.ofSeconds(function.spec().timeoutSeconds()));
            release(instance);
            return result;
        } catch (IOException e) {
            return new InvocationResult.Failed("could not start " + name() + ": " + e.getMessage());
        } finally {
            permits.release();
        }
    }

    private FunctionInstance acquire() throws IOException {
        synchronized (this) {
            if (closed) {
                throw new IOException("the local runtime is shutting down");
            }
            idle.removeIf(instance -> !instance.alive());
            if (!idle.isEmpty() && !freshProcessPerEvent) {
                return idle.remove(ThreadLocalRandom.current().nextInt(idle.size()));
            }
        }
        FunctionInstance instance = FunctionInstance.start(function, started.incrementAndGet());
        synchronized (this) {
            all.add(instance);
        }
        return instance;
    }

    private void release(FunctionInstance instance) {
        boolean keep = instance.alive() && !freshProcessPerEvent;
        synchronized (this) {
            if (keep && !closed) {
                idle.add(instance);
                return;
            }
            all.remove(instance);
        }
        instance.close();
    }

    @Override
    public void close() {
        List<FunctionInstance> running;
        synchronized (this) {
            closed = true;
            running = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        running.parallelStream().forEach(FunctionInstance::close);
    }
}
