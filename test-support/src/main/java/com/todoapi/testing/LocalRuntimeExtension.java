package com.todoapi.testing;

import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the whole local runtime once per test JVM (emulators in memory, every port free-picked)
 * and gives tests a {@link LocalRuntime}, a {@link ServiceClient} that speaks HTTP to it, or the
 * {@link RuntimeLog} of everything it and its functions printed.
 * {@code -Dlocal.freshProcess=true} runs every request in a new function JVM.
 */
public final class LocalRuntimeExtension implements ParameterResolver {
    public static final String FRESH_PROCESS_PROPERTY = "local.freshProcess";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalRuntime.class || type == ServiceClient.class || type == RuntimeLog.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(LocalRuntimeExtension.class, key -> start(), Running.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == RuntimeLog.class) {
            return running.log();
        }
        return type == LocalRuntime.class ? running.runtime() : new ServiceClient(running.runtime().url());
    }

    private static Running start() {
        boolean fresh = Boolean.getBoolean(FRESH_PROCESS_PROPERTY);
        RuntimeLog log = new RuntimeLog("[local] ");
        return new Running(LocalRuntime.start(new LocalRuntime.Options(RepoFiles.template(),
                LocalConfig.read(RepoFiles.localConfig()), 0, 0, 0, null, 4, fresh, false, log)), log);
    }

    record Running(LocalRuntime runtime, RuntimeLog log) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            System.out.printf("contract: %d responses checked against openapi.yaml, %d broke it%n",
                    ServiceClient.responsesChecked(), ServiceClient.responsesBroken());
            runtime.close();
        }
    }
}
