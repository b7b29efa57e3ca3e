package com.todoapi.bench;

import com.todoapi.local.LocalConfig;
import com.todoapi.local.Main;
import com.todoapi.local.emulator.LocalAws;
import com.todoapi.local.emulator.LocalResources;
import com.todoapi.local.emulator.Ports;
import com.todoapi.local.emulator.Provisioner;
import com.todoapi.local.template.Template;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * DynamoDB Local and ElasticMQ in a JVM of their own (the local runtime's {@code emulators}
 * command), in memory, so that their threads and garbage collections stay out of the JVM whose
 * handler is being timed.
 */
final class SeparateEmulators implements AutoCloseable {
    private static final long START_SECONDS = 90;

    private final Process process;
    private final LocalAws aws;
    private final LocalResources resources;

    private SeparateEmulators(Process process, LocalAws aws, LocalResources resources) {
        this.process = process;
        this.aws = aws;
        this.resources = resources;
    }

    static SeparateEmulators start(Path repository, Template template, LocalConfig config) throws IOException {
        int dynamoDbPort = Ports.free();
        int sqsPort = Ports.free();
        List<String> command = new ArrayList<>(lastProcessorOnly());
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // ElasticMQ's Pekko
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "emulators",
                "--in-memory", "--dynamodb-port", Integer.toString(dynamoDbPort), "--sqs-port", Integer.toString(sqsPort),
                "--template", repository.resolve("template.yaml").toString(),
                "--config", repository.resolve("local/local-config.json").toString()));
        Process process = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true).start();
        try {
            awaitReady(process);
            LocalAws aws = new LocalAws(URI.create("http://127.0.0.1:" + dynamoDbPort), URI.create("http://127.0.0.1:" + sqsPort));
            // Provisioning is idempotent: this finds what the emulators' JVM created and returns its names and URLs.
            return new SeparateEmulators(process, aws, new Provisioner(aws).provision(template, config.parameters()));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /**
     * On Lambda the database never shares the function's processor: where Linux's taskset is at
     * hand and there are two processors or more, the emulators keep to the last one, leaving the
     * others to the measured JVM.
     */
    private static List<String> lastProcessorOnly() {
        int processors = Runtime.getRuntime().availableProcessors();
        Path taskset = Path.of("/usr/bin/taskset");
        return processors >= 2 && Files.isExecutable(taskset)
                ? List.of(taskset.toString(), "--cpu-list", Integer.toString(processors - 1))
                : List.of();
    }

    /** Waits for the ready line; what the process printed before it is in the error if it never comes. */
    private static void awaitReady(Process process) throws IOException {
        List<String> printed = new ArrayList<>();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith(Main.EMULATORS_UP)) {
                        Thread.ofVirtual().start(() -> drain(reader));
                        return true;
                    }
                    synchronized (printed) {
                        printed.add(line);
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            if (ready.get(START_SECONDS, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // reported below
        }
        synchronized (printed) {
            throw new IOException("The emulators' JVM did not come up in " + START_SECONDS + " s:\n" + String.join("\n", printed));
        }
    }

    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // the emulators' own log, not part of the benchmark's output
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    LocalAws aws() {
        return aws;
    }

    LocalResources resources() {
        return resources;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
