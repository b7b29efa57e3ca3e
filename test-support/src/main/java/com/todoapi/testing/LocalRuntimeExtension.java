package com.todoapi.testing;

import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.Consumer;

/**
 * Starts the whole local runtime once per test JVM (emulators in memory, every port free-picked)
 * and gives tests a {@link LocalRuntime} or a {@link ServiceClient} that speaks HTTP to it.
 * {@code -Dlocal.freshProcess=true} runs every request in a new function JVM.
 */
public final class LocalRuntimeExtension implements ParameterResolver {
    public static final String FRESH_PROCESS_PROPERTY = "local.freshProcess";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalRuntime.class || type == ServiceClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalRuntime runtime = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(LocalRuntimeExtension.class, key -> new Running(start()), Running.class).runtime();
        return parameter.getParameter().getType() == LocalRuntime.class ? runtime : new ServiceClient(runtime.url());
    }

    private static LocalRuntime start() {
        boolean fresh = Boolean.getBoolean(FRESH_PROCESS_PROPERTY);
        Consumer<String> log = line -> System.out.println("[local] " + line);
        return LocalRuntime.start(new LocalRuntime.Options(RepoFiles.template(), LocalConfig.read(RepoFiles.localConfig()),
                0, 0, 0, null, 4, fresh, false, log));
    }

    record Running(LocalRuntime runtime) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            runtime.close();
        }
    }
}
