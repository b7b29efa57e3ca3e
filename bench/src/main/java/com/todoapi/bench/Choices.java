package com.todoapi.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.todoapi.bench.probe.Apache5GetItem;
import com.todoapi.bench.probe.ApacheGetItem;
import com.todoapi.bench.probe.BeanSchemaGetItem;
import com.todoapi.bench.probe.BlackbirdJson;
import com.todoapi.bench.probe.CrtGetItem;
import com.todoapi.bench.probe.DatabindJson;
import com.todoapi.bench.probe.ImmutableSchemaGetItem;
import com.todoapi.bench.probe.JacksonJrJson;
import com.todoapi.bench.probe.LowLevelGetItem;
import com.todoapi.bench.probe.ProjectStyleGetItem;
import com.todoapi.bench.probe.Samples;
import com.todoapi.bench.probe.StreamingJson;
import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import com.todoapi.local.emulator.Emulators;
import com.todoapi.local.lambda.FunctionPool;
import com.todoapi.local.lambda.FunctionProcess;
import com.todoapi.local.lambda.InvocationResult;
import com.todoapi.local.template.FunctionSpec;
import com.todoapi.local.template.Template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Implementation choices measured by experiment: for each, tiny probe functions that differ in that
 * one thing, packaged like the tasks function and started as it is (a fresh JVM through the runtime
 * interface client, the template's JAVA_TOOL_OPTIONS), against DynamoDB Local with a seeded task.
 * Every probe's first answer is checked before it is timed; cold starts go round all variants of
 * all choices in turns, so a noisy moment costs every variant alike; the median is kept.
 */
final class Choices implements AutoCloseable {
    static final String HTTP_CLIENT = "SDK HTTP client";
    static final String TABLE_SCHEMA = "table schema";
    static final String JSON_MAPPER = "JSON mapper";

    /** One probe: the choice it belongs to, its handler, and the jars it needs beyond the tasks function's. */
    record Variant(String choice, String name, boolean ours, Class<? extends RequestStreamHandler> handler,
                   List<String> extraArtifacts, Samples.Sample sample) {
        String label() {
            return ours ? name + " (ours)" : name;
        }

        Variant with(Samples.Sample other) {
            return new Variant(choice, name, ours, handler, extraArtifacts, other);
        }
    }

    record Result(Variant variant, double coldMillis, double warmP50, double warmP99, int classesLoaded,
                  long packageBytes) {
    }

    private final Emulators emulators;
    private final Map<String, String> environment = new HashMap<>();
    private final Path packageDirectory;
    private final ProbePackage packages;
    private final Map<Class<?>, FunctionSpec> packaged = new HashMap<>();

    Choices(Path repository) throws IOException {
        Template project = Template.load(repository.resolve("template.yaml"));
        LocalConfig config = LocalConfig.read(repository.resolve("local/local-config.json"));
        FunctionSpec tasks = project.function("GetTaskFunction");
        this.packageDirectory = Files.createTempDirectory("bench-probes");
        this.packages = new ProbePackage(tasks, packageDirectory);
        this.emulators = Emulators.start(project, config.parameters(), 0, 0, null);
        String table = emulators.resources().tableName("TodoTable");
        try {
            emulators.aws().dynamoDb().putItem(put -> put.tableName(table).item(Samples.seededItem()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        environment.put("JAVA_TOOL_OPTIONS", LocalRuntime.functionEnvironment(tasks, emulators.aws(),
                emulators.resources(), config).getOrDefault("JAVA_TOOL_OPTIONS", ""));
        environment.putAll(emulators.aws().environment());
        environment.put("TABLE_NAME", table);
    }

    /** Every variant of every choice: {@code runs} cold starts each, in turns, then {@code warmRequests} requests to one instance after as many to warm it. */
    static String run(Path repository, int runs, int warmRequests) throws IOException {
        try (Choices choices = new Choices(repository)) {
            return ChoiceTable.render(choices.measure(variants(repository.resolve("events")), runs, warmRequests));
        }
    }

    static List<Variant> variants(Path events) throws IOException {
        Samples.Sample getTask = Samples.getTask(Samples.SEEDED_TASK_ID);
        Samples.Sample createTask = Samples.createTask(
                new ColdStarts.Case("CreateTaskFunction", "tasks-create.json", Samples.NEW_TASK_BODY).event(events));
        return List.of(
                new Variant(HTTP_CLIENT, "url-connection", true, ProjectStyleGetItem.class, List.of(), getTask),
                new Variant(HTTP_CLIENT, "apache (HttpClient 4)", false, ApacheGetItem.class,
                        List.of("apache-client", "httpclient", "httpcore", "commons-logging", "commons-codec"), getTask),
                new Variant(HTTP_CLIENT, "apache5 (2.39.6-PREVIEW)", false, Apache5GetItem.class,
                        List.of("apache5-client", "httpclient5", "httpcore5", "httpcore5-h2"), getTask),
                new Variant(HTTP_CLIENT, "aws-crt", false, CrtGetItem.class,
                        List.of("aws-crt-client", "crt-core", "aws-crt"), getTask),
                new Variant(TABLE_SCHEMA, "StaticImmutableTableSchema, record", true, ProjectStyleGetItem.class,
                        List.of(), getTask),
                new Variant(TABLE_SCHEMA, "TableSchema.fromBean", false, BeanSchemaGetItem.class, List.of(), getTask),
                new Variant(TABLE_SCHEMA, "TableSchema.fromImmutableClass", false, ImmutableSchemaGetItem.class,
                        List.of(), getTask),
                new Variant(TABLE_SCHEMA, "low-level getItem, mapped by hand", false, LowLevelGetItem.class,
                        List.of(), getTask),
                new Variant(JSON_MAPPER, "databind, Json.MAPPER", true, DatabindJson.class, List.of(), createTask),
                new Variant(JSON_MAPPER, "databind + Blackbird", false, BlackbirdJson.class,
                        List.of("jackson-module-blackbird"), createTask),
                new Variant(JSON_MAPPER, "jackson-jr", false, JacksonJrJson.class, List.of("jackson-jr-objects"),
                        createTask),
                new Variant(JSON_MAPPER, "streaming (jackson-core)", false, StreamingJson.class, List.of(), createTask));
    }

    List<Result> measure(List<Variant> variants, int runs, int warmRequests) throws IOException {
        List<TimedFunction> probes = new ArrayList<>();
        for (Variant variant : variants) {
            TimedFunction probe = new TimedFunction(packaged(variant), environment, variant.sample().event());
            check(variant, probe);
            probes.add(probe);
        }
        TimedFunction.startInTurns(probes, runs);
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            TimedFunction probe = probes.get(i);
            double[] warm = probe.warmMillis(warmRequests);
            results.add(new Result(variants.get(i), Stats.median(probe.timings), Stats.percentile(warm, 50),
                    Stats.percentile(warm, 99), probe.classesLoaded(), PackageFolder.bytes(probe.spec)));
        }
        return results;
    }

    /** The jars of the probe's package, for a look at what it holds. */
    List<Path> jars(Variant variant) throws IOException {
        return PackageFolder.jars(packaged(variant));
    }

    private FunctionSpec packaged(Variant variant) throws IOException {
        FunctionSpec spec = packaged.get(variant.handler());
        if (spec == null) {
            spec = packages.create(variant.handler().getSimpleName(), variant.handler(), variant.extraArtifacts());
            packaged.put(variant.handler(), spec);
        }
        return spec;
    }

    /** A probe that fails, or answers anything but its sample's answer, never gets timed. */
    private static void check(Variant variant, TimedFunction probe) {
        try (FunctionPool pool = new FunctionPool(new FunctionProcess(probe.spec, probe.environment, line -> {
        }), 1, true)) {
            InvocationResult result = pool.invoke(probe.event);
            if (!(result instanceof InvocationResult.Success success) || !variant.sample().answeredBy(success.payload())) {
                throw new IllegalStateException(variant.label() + " (" + variant.choice() + ") did not answer as expected: "
                        + (result instanceof InvocationResult.Success success ? success.text() : result));
            }
        }
    }

    @Override
    public void close() throws IOException {
        emulators.close();
        try (Stream<Path> files = Files.walk(packageDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
