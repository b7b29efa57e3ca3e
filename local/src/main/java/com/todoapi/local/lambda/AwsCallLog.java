package com.todoapi.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;

/**
 * Where the functions' recorded AWS calls go, for {@code ./dev iam-check}: {@code <folder>/<function>.jsonl},
 * one JSON line per call, appended by every runtime and instance that records into the folder,
 * each line tagged with its runtime's run; and {@code <folder>/runs/<run>.json}, what that runtime
 * ran with (parameter values, physical names), since a test may start a runtime with other
 * parameters and the policies' conditions follow them. A function records when its environment
 * has {@link #SWITCH_VARIABLE} (shared's {@code CallRecorder}) and prints each call on a line
 * starting with {@link #LINE_PREFIX}, which the runtime takes out of the function's log.
 */
public final class AwsCallLog {
    public static final String SWITCH_VARIABLE = "TODO_RECORD_AWS_CALLS";
    static final String LINE_PREFIX = "TODO_AWS_CALL ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final String run;

    /** Starts a run in {@code folder}, described by {@code manifest}. */
    public AwsCallLog(Path folder, Map<String, Object> manifest) {
        this.folder = folder;
        this.run = UUID.randomUUID().toString();
        try {
            Files.createDirectories(folder.resolve("runs"));
            JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("runs").resolve(run + ".json").toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the AWS call log in " + folder, e);
        }
    }

    /** What a recording function needs in its environment. */
    public Map<String, String> environment() {
        return Map.of(SWITCH_VARIABLE, "true");
    }

    /** Appends the line if it is a recorded call, and says whether it was one. */
    boolean accept(String function, String line) {
        if (!line.startsWith(LINE_PREFIX)) {
            return false;
        }
        append(function, line.substring(LINE_PREFIX.length()));
        return true;
    }

    /** Appends one recorded call of {@code function} (the recorder's JSON), tagged with this run. */
    public void append(String function, String callJson) {
        try {
            ObjectNode call = (ObjectNode) JSON.readTree(callJson);
            call.put("run", run);
            byte[] bytes = (JSON.writeValueAsString(call) + "\n").getBytes(StandardCharsets.UTF_8);
            // One append per line (O_APPEND): several instances and runtimes never interleave a line.
            Files.write(folder.resolve(function + ".jsonl"), bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record an AWS call of " + function, e);
        }
    }
}
