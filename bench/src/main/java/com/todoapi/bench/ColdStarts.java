package com.todoapi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import com.todoapi.local.emulator.Emulators;
import com.todoapi.local.template.FunctionSpec;
import com.todoapi.local.template.Template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold starts as the local runtime makes them: for each function a new JVM with the runtime
 * interface client and the template's flags, its handler built, then its sample event served;
 * the time from starting the process to the response. Runs go round the functions in turn (the
 * floor among them), so a noisy moment costs every function alike, and the median is kept.
 */
final class ColdStarts {
    static final String FLOOR = "HelloFunction (floor)";

    /** The function, the sample event it is started with, and a body to put in it instead (or null). */
    record Case(String function, String eventFile, String body) {
        Case(String function, String eventFile) {
            this(function, eventFile, null);
        }

        byte[] event(Path events) throws IOException {
            byte[] sample = Files.readAllBytes(events.resolve(eventFile));
            if (body == null) {
                return sample;
            }
            ObjectNode event = (ObjectNode) JSON.readTree(sample);
            event.put("body", body);
            return JSON.writeValueAsBytes(event);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One function's figures. */
    record Result(String function, double medianMillis, int classesLoaded, long packageBytes) {
    }

    /** A function under one set of JVM flags: its cold start (median) and warm requests in one instance (ms). */
    record FlagsResult(String flags, double coldMillis, double warmP50, double warmP99) {
    }

    /** A function's cold start without and with an application class-data archive of its own first request. */
    record ArchiveResult(String function, double plainMillis, double archivedMillis, long archiveBytes) {
    }

    private final Path repository;
    private final Template project;
    private final LocalConfig config;

    ColdStarts(Path repository) {
        this.repository = repository;
        this.project = Template.load(repository.resolve("template.yaml"));
        this.config = LocalConfig.read(repository.resolve("local/local-config.json"));
    }

    List<Result> measure(List<Case> cases, int runs) throws IOException {
        Path helloDirectory = Files.createTempDirectory("bench-hello");
        FunctionSpec hello = Template.load(HelloPackage.create(helloDirectory)).function("HelloFunction");
        try (Emulators emulators = Emulators.start(project, config.parameters(), 0, 0, null)) {
            Map<String, TimedFunction> measured = new LinkedHashMap<>();
            Map<String, String> helloEnvironment = new HashMap<>(Map.of("JAVA_TOOL_OPTIONS",
                    javaToolOptions(emulators)));
            measured.put(FLOOR, new TimedFunction(hello, helloEnvironment, "{}".getBytes(StandardCharsets.UTF_8)));
            for (Case c : cases) {
                FunctionSpec spec = project.function(c.function());
                measured.put(c.function(), new TimedFunction(spec,
                        LocalRuntime.functionEnvironment(spec, emulators.aws(), emulators.resources(), config),
                        c.event(repository.resolve("events"))));
            }
            TimedFunction.startInTurns(measured.values(), runs);
            List<Result> results = new ArrayList<>();
            measured.forEach((name, m) -> results.add(new Result(name, Stats.median(m.timings), m.classesLoaded(),
                    PackageFolder.bytes(m.spec))));
            return results;
        }
    }

    /**
     * What a start from prepared state could buy, estimated locally with class data sharing: one
     * run of the function writes a dynamic AppCDS archive of the classes its first request loaded
     * ({@code -XX:ArchiveClassesAtExit}, as on Java 21), then it is started RUNS times with and
     * without that archive, in turns. SnapStart restores more than classes (initialised objects,
     * JIT-free warm code paths), so this is an estimate of part of its effect, not a promise.
     */
    ArchiveResult archiveEstimate(Case c, int runs) throws IOException {
        Path archive = Files.createTempDirectory("bench-cds").resolve(c.function() + ".jsa");
        try (Emulators emulators = Emulators.start(project, config.parameters(), 0, 0, null)) {
            FunctionSpec spec = project.function(c.function());
            Map<String, String> environment = LocalRuntime.functionEnvironment(spec, emulators.aws(),
                    emulators.resources(), config);
            byte[] event = c.event(repository.resolve("events"));
            TimedFunction plain = new TimedFunction(spec, environment, event);
            plain.withJavaOptions("-XX:ArchiveClassesAtExit=" + archive).coldStartMillis();
            for (int wait = 0; wait < 100 && !Files.exists(archive); wait++) {
                sleep();
            }
            if (!Files.exists(archive)) {
                throw new IllegalStateException("The training run wrote no archive at " + archive);
            }
            TimedFunction archived = plain.withJavaOptions("-XX:SharedArchiveFile=" + archive);
            TimedFunction.startInTurns(List.of(plain, archived), runs);
            return new ArchiveResult(c.function(), Stats.median(plain.timings), Stats.median(archived.timings), Files.size(archive));
        }
    }

    /**
     * The JVM flags choice: for each set of flags (in place of the template's JAVA_TOOL_OPTIONS),
     * RUNS cold starts in turns with the other sets, then WARM requests to one instance after as
     * many to warm it up, timed through the local Runtime API as the runtime serves them.
     */
    List<FlagsResult> flagsEstimate(Case c, List<String> flagSets, int runs, int warm) throws IOException {
        try (Emulators emulators = Emulators.start(project, config.parameters(), 0, 0, null)) {
            FunctionSpec spec = project.function(c.function());
            Map<String, String> environment = UnthrottledEnvironment.of(spec, emulators.aws(), emulators.resources(), config);
            byte[] event = c.event(repository.resolve("events"));
            List<TimedFunction> variants = new ArrayList<>();
            for (String flags : flagSets) {
                Map<String, String> withFlags = new HashMap<>(environment);
                withFlags.put("JAVA_TOOL_OPTIONS", flags);
                variants.add(new TimedFunction(spec, withFlags, event));
            }
            TimedFunction.startInTurns(variants, runs);
            List<FlagsResult> results = new ArrayList<>();
            for (int i = 0; i < variants.size(); i++) {
                double[] warmTimings = variants.get(i).warmMillis(warm);
                results.add(new FlagsResult(flagSets.get(i), Stats.median(variants.get(i).timings),
                        Stats.percentile(warmTimings, 50), Stats.percentile(warmTimings, 99)));
            }
            return results;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String javaToolOptions(Emulators emulators) {
        FunctionSpec any = project.functions().getFirst();
        return LocalRuntime.functionEnvironment(any, emulators.aws(), emulators.resources(), config)
                .getOrDefault("JAVA_TOOL_OPTIONS", "");
    }


}
