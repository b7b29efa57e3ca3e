package com.todoapi.testing;

import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts the whole local runtime once per test JVM (emulators in memory, every port free-picked)
 * and gives tests a {@link LocalRuntime}, a {@link ServiceClient} that speaks HTTP to it, the
 * {@link WebSocketEndpoints} of its WebSocket API, or the {@link RuntimeLog} of everything it and its
 * functions printed.
 * {@code -Dlocal.freshProcess=true} runs every request in a new function JVM. A test class
 * annotated {@link Setup} gets a runtime of its own instead, configured by its {@link RuntimeSetup}
 * (another assistant, say) and stopped when the class is done.
 */
public final class LocalRuntimeExtension implements ParameterResolver {
    public static final String FRESH_PROCESS_PROPERTY = "local.freshProcess";
    /** A folder: every function of every runtime started here records its AWS calls there ({@code ./dev iam-check}). */
    public static final String AWS_CALL_LOG_PROPERTY = "local.awsCallLog";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalRuntime.class || type == ServiceClient.class || type == RuntimeLog.class
                || type == WebSocketEndpoints.class;
    }

    /** Changes the local configuration of a class's own runtime, and may start what it needs beside it. */
    public interface RuntimeSetup {
        Prepared prepare(LocalConfig base);
    }

    /** The configuration to run with, and what to close after the runtime (a fake model server, say). */
    public record Prepared(LocalConfig config, AutoCloseable beside) {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Inherited
    public @interface Setup {
        Class<? extends RuntimeSetup> value();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Optional<Setup> setup = Optional.ofNullable(context.getRequiredTestClass().getAnnotation(Setup.class));
        Running running = setup.isPresent()
                ? classContext(context).getStore(ExtensionContext.Namespace.GLOBAL)
                        .getOrComputeIfAbsent(setup.get().value(), key -> start(setup.get().value()), Running.class)
                : context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .getOrComputeIfAbsent(LocalRuntimeExtension.class, key -> start(), Running.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == RuntimeLog.class) {
            return running.log();
        }
        if (type == WebSocketEndpoints.class) {
            return WebSocketEndpoints.of(running.runtime());
        }
        return type == LocalRuntime.class ? running.runtime() : new ServiceClient(running.runtime().url());
    }

    private static Running start() {
        return start(LocalConfig.read(RepoFiles.localConfig()), () -> { }, "[local] ");
    }

    private static Running start(Class<? extends RuntimeSetup> setupClass) {
        RuntimeSetup setup;
        try {
            setup = setupClass.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("A RuntimeSetup needs a public no-argument constructor", e);
        }
        Prepared prepared = setup.prepare(LocalConfig.read(RepoFiles.localConfig()));
        return start(prepared.config(), prepared.beside(), "[" + setupClass.getSimpleName() + "] ");
    }

    private static Running start(LocalConfig config, AutoCloseable beside, String prefix) {
        boolean fresh = Boolean.getBoolean(FRESH_PROCESS_PROPERTY);
        RuntimeLog log = new RuntimeLog(prefix);
        return new Running(LocalRuntime.start(recorded(new LocalRuntime.Options(RepoFiles.template(), config, 0, 0, 0, null, 4,
                fresh, false, log))), log, beside);
    }

    /** The options, recording AWS calls where the build asks (e2e's pom: target/aws-calls). */
    public static LocalRuntime.Options recorded(LocalRuntime.Options options) {
        String folder = System.getProperty(AWS_CALL_LOG_PROPERTY, "");
        return folder.isBlank() ? options : options.recordingAwsCallsTo(Path.of(folder));
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    record Running(LocalRuntime runtime, RuntimeLog log, AutoCloseable beside)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws Exception {
            System.out.printf("contract: %d responses checked against openapi.yaml, %d broke it%n",
                    ServiceClient.responsesChecked(), ServiceClient.responsesBroken());
            try {
                runtime.close();
            } finally {
                beside.close();
            }
        }
    }
}
