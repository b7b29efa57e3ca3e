package com.todoapi.e2e;

import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.RepoFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local runtime's {@code run} command in a process of its own, started the way {@code ./dev run}
 * starts it, so a test can kill the whole of it (emulators, front door, function JVMs) at once.
 */
final class RunCommand implements AutoCloseable {
    private static final Pattern UP = Pattern.compile("Todo API is up on (\\S+) in");
    private static final Pattern WEB_SOCKET = Pattern.compile("WebSocket API \\S+: (ws://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final URI url;
    private final List<String> output;

    private RunCommand(Process process, URI url, List<String> output) {
        this.process = process;
        this.url = url;
        this.output = output;
    }

    static RunCommand start(Path data) throws IOException, InterruptedException {
        return start(data, List.of());
    }

    /** As {@link #start(Path)}, with more options for the run command ({@code --agent ...}, say). */
    static RunCommand start(Path data, List<String> options) throws IOException, InterruptedException {
        Path root = RepoFiles.root();
        String classpath = root.resolve("local/target/classes") + java.io.File.pathSeparator
                + Files.readString(root.resolve("local/target/classpath.txt")).trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", classpath, "com.todoapi.local.Main", "run",
                "--port", "0", "--dynamodb-port", "0", "--sqs-port", "0", "--max-instances", "2", "--no-schedules",
                "--data-dir", data.toString(),
                "--template", RepoFiles.template().toString(), "--config", RepoFiles.localConfig().toString()));
        command.addAll(options);
        String awsCallLog = System.getProperty(LocalRuntimeExtension.AWS_CALL_LOG_PROPERTY, "");
        if (!awsCallLog.isBlank()) {
            command.addAll(List.of("--record-aws-calls", awsCallLog));
        }
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<URI> up = new CompletableFuture<>();
        Thread.ofVirtual().name("run-output").start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    System.out.println("[run] " + line);
                    Matcher matcher = UP.matcher(line);
                    if (matcher.find()) {
                        up.complete(URI.create(matcher.group(1)));
                    }
                }
            } catch (IOException ended) {
                // the process is gone; whoever waits for it will see
            }
            up.completeExceptionally(new IllegalStateException("run stopped before it was up: " + output));
        });
        try {
            return new RunCommand(process, up.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS), output);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("run did not come up: " + output, e);
        }
    }

    URI url() {
        return url;
    }

    /** The WebSocket API's URL, as the run command prints it just after it is up. */
    URI webSocketUrl() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            java.util.Optional<URI> printed = output.stream().map(WEB_SOCKET::matcher).filter(Matcher::find)
                    .map(m -> URI.create(m.group(1))).findFirst();
            if (printed.isPresent()) {
                return printed.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run printed no WebSocket API: " + output);
            }
            Thread.sleep(100);
        }
    }

    /** Lines printed so far. */
    List<String> output() {
        return List.copyOf(output);
    }

    /**
     * SIGKILL to the run command: no shutdown hook, nothing flushed or closed. Answers the
     * function processes it had started that are still alive {@code grace} later (each is then
     * killed too, so the test leaves nothing behind).
     */
    List<ProcessHandle> kill(Duration grace) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor();
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && children.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(100);
        }
        List<ProcessHandle> orphans = children.stream().filter(ProcessHandle::isAlive).toList();
        orphans.forEach(ProcessHandle::destroyForcibly);
        return orphans;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
