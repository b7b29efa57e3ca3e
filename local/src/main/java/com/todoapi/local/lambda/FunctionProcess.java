package com.todoapi.local.lambda;

import com.todoapi.local.template.FunctionSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts a function's JVM the way Lambda's java21 runtime does: a clean environment holding
 * the reserved Lambda variables and the function's own, the task root (lib/*.jar) as working
 * folder, and AWS's runtime interface client as main class, which loads the unmodified handler.
 */
public final class FunctionProcess {
    static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final FunctionSpec spec;
    private final Map<String, String> environment;
    private final String runtimeClasspath;
    private final Consumer<String> log;
    private final List<String> launcher;
    private final AwsCallLog callLog;

    /**
     * @param environment the function's variables, already resolved, plus what points it at the emulators
     * @param log         receives every line the process prints, prefixed with function and instance
     */
    public FunctionProcess(FunctionSpec spec, Map<String, String> environment, Consumer<String> log) {
        this(spec, environment, log, List.of(), null);
    }

    private FunctionProcess(FunctionSpec spec, Map<String, String> environment, Consumer<String> log, List<String> launcher,
                            AwsCallLog callLog) {
        this.spec = spec;
        this.environment = Map.copyOf(environment);
        this.runtimeClasspath = RuntimeInterfaceClient.classpath();
        this.log = log;
        this.launcher = List.copyOf(launcher);
        this.callLog = callLog;
    }

    /**
     * The same function started through {@code launcher}, a command that runs the JVM's command
     * line given after it as arguments (a benchmark uses one that caps the CPU as Lambda does).
     */
    public FunctionProcess launchedBy(List<String> launcher) {
        return new FunctionProcess(spec, environment, log, launcher, callLog);
    }

    /** The same function recording every AWS call it makes into {@code callLog} (the deploy proof). */
    public FunctionProcess recordingCallsTo(AwsCallLog callLog) {
        Map<String, String> recording = new LinkedHashMap<>(environment);
        recording.putAll(callLog.environment());
        return new FunctionProcess(spec, recording, log, launcher, callLog);
    }

    public FunctionSpec spec() {
        return spec;
    }

    public String functionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + spec.logicalId();
    }

    Process start(String runtimeApiAddress, int instance) throws IOException {
        Path taskRoot = spec.packageDirectory();
        if (!Files.isDirectory(taskRoot.resolve("lib"))) {
            throw new IOException("Function " + spec.logicalId() + " is not packaged: " + taskRoot
                    + "/lib is missing. Build it with ./dev build.");
        }
        ProcessBuilder builder = new ProcessBuilder(command()).directory(taskRoot.toFile());
        builder.environment().clear();
        builder.environment().putAll(processEnvironment(runtimeApiAddress, instance, taskRoot));
        Process process = builder.start();
        String prefix = "[" + spec.logicalId() + "#" + instance + "] ";
        pipe(process.getInputStream(), prefix);
        pipe(process.getErrorStream(), prefix);
        return process;
    }

    private List<String> command() {
        long heapMb = Math.max(64, Math.round(spec.memorySizeMb() * 0.85));
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:MaxHeapSize=" + heapMb + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-XX:-UsePerfData");
        command.add("-Djava.net.preferIPv4Stack=true");
        command.add("-Dfile.encoding=UTF-8");
        if (Runtime.version().feature() >= 22) {
            // Lambda's java21 loads the runtime client's JNI library silently; newer JDKs warn unless told.
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        RuntimeInterfaceClient.nativeLibrary().ifPresent(library ->
                command.add("-D" + RuntimeInterfaceClient.NATIVE_LIBRARY_PROPERTY + "=" + library));
        // A crash report belongs in the temp folder, not in the function's package.
        command.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "todo-local-hs_err_pid%p.log"));
        command.add("-cp");
        command.add(runtimeClasspath);
        command.add(RUNTIME_MAIN);
        command.add(spec.handler());
        return command;
    }

    private Map<String, String> processEnvironment(String runtimeApiAddress, int instance, Path taskRoot) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
        env.put("_HANDLER", spec.handler());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime());
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.logicalId());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memorySizeMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.logicalId());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/instance-" + instance);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApiAddress);
        return env;
    }

    private void pipe(InputStream stream, String prefix) {
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (callLog == null || !callLog.accept(spec.logicalId(), line)) {
                        log.accept(prefix + line);
                    }
                }
            } catch (IOException ignored) {
                // the process is gone; so is its output
            }
        });
    }
}
