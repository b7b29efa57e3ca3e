package com.todoapi.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Every line the local runtime and its function processes printed, kept for tests that read the logs. */
public final class RuntimeLog implements Consumer<String> {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String prefix;

    public RuntimeLog(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void accept(String line) {
        lines.add(line);
        System.out.println(prefix + line);
    }

    /** The lines printed so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}
