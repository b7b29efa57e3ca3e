package com.todoapi.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.bench.probe.Apache5GetItem;
import com.todoapi.bench.probe.ApacheGetItem;
import com.todoapi.bench.probe.BeanSchemaGetItem;
import com.todoapi.bench.probe.BlackbirdJson;
import com.todoapi.bench.probe.CrtGetItem;
import com.todoapi.bench.probe.DatabindJson;
import com.todoapi.bench.probe.ImmutableSchemaGetItem;
import com.todoapi.bench.probe.JacksonJrJson;
import com.todoapi.bench.probe.LowLevelGetItem;
import com.todoapi.bench.probe.ProjectMcpEndpoint;
import com.todoapi.bench.probe.ProjectStyleGetItem;
import com.todoapi.bench.probe.Samples;
import com.todoapi.bench.probe.SdkStatelessMcp;
import com.todoapi.bench.probe.StreamingJson;
import com.todoapi.functions.mcp.McpHandler;
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
import java.util.function.Predicate;
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
    static final String MCP_SERVER = "MCP server";
    /** The SDK's version (the parent pom's mcp.sdk.version) and the jars of its tree the tasks function does not ship. */
    static final String MCP_SDK_VERSION = "2.2.0";
    static final List<String> MCP_SDK_JARS = List.of("mcp-core", "mcp-json-jackson2", "reactor-core", "jspecify",
            "json-schema-validator", "itu", "jackson-dataformat-yaml", "snakeyaml");

    /**
     * One probe: the choice it belongs to, its handler, and the jars it needs beyond the tasks
     * function's; or, when {@code function} names one of the template's functions, that function
     * itself, from its own package with its own environment (the rate limit lifted).
     */
    record Variant(String choice, String name, boolean ours, Class<? extends RequestStreamHandler> handler,
                   List<String> extraArtifacts, Samples.Sample sample, String function) {
        Variant(String choice, String name, boolean ours, Class<? extends RequestStreamHandler> handler,
                List<String> extraArtifacts, Samples.Sample sample) {
            this(choice, name, ours, handler, extraArtifacts, sample, null);
        }

        String label() {
            return ours ? name + " (ours)" : name;
        }

        Variant with(Samples.Sample other) {
            return new Variant(choice, name, ours, handler, extraArtifacts, other, function);
        }
    }

    record Result(Variant variant, double coldMillis, double warmP50, double warmP99, int classesLoaded,
                  long packageBytes, int jars) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Template project;
    private final LocalConfig config;
    private final Emulators emulators;
    private final Map<String, String> environment = new HashMap<>();
    private final Path packageDirectory;
    private final ProbePackage packages;
    private final Map<Class<?>, FunctionSpec> packaged = new HashMap<>();

    Choices(Path repository) throws IOException {
        this.project = Template.load(repository.resolve("template.yaml"));
        this.config = LocalConfig.read(repository.resolve("local/local-config.json"));
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
        return run(repository, runs, warmRequests, variant -> true);
    }

    /** The variants {@code which} keeps, measured as {@link #run(Path, int, int)} measures them all. */
    static String run(Path repository, int runs, int warmRequests, Predicate<Variant> which) throws IOException {
        try (Choices choices = new Choices(repository)) {
            List<Variant> chosen = variants(repository.resolve("events")).stream().filter(which).toList();
            return ChoiceTable.render(choices.measure(chosen, runs, warmRequests));
        }
    }

    static List<Variant> variants(Path events) throws IOException {
        Samples.Sample getTask = Samples.getTask(Samples.SEEDED_TASK_ID);
        Samples.Sample createTask = Samples.createTask(
                new ColdStarts.Case("CreateTaskFunction", "tasks-create.json", Samples.NEW_TASK_BODY).event(events));
        Samples.Sample toolsList = Samples.toolsList(toolsListEvent(events));
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
                new Variant(JSON_MAPPER, "streaming (jackson-core)", false, StreamingJson.class, List.of(), createTask),
                // The protocol stacks alike, with the same five tools and no token or table: the project's layer...
                new Variant(MCP_SERVER, "JSON-RPC layer on Jackson (McpEndpoint)", true, ProjectMcpEndpoint.class,
                        List.of(), toolsList),
                // ...and the SDK's stateless server, with the SDK's jars the tasks package lacks (its whole tree).
                new Variant(MCP_SERVER, "MCP Java SDK " + MCP_SDK_VERSION + ", stateless sync server", false,
                        SdkStatelessMcp.class, MCP_SDK_JARS, toolsList),
                // The function as shipped, for scale: the same layer behind the token check, rate limit and table.
                new Variant(MCP_SERVER, "McpFunction as shipped (layer + token, rate limit, DynamoDB)", false,
                        McpHandler.class, List.of(), toolsList, "McpFunction"));
    }

    /**
     * The tools/list both MCP variants answer: the sample tools/list event as a 2025-11-25 client
     * sends it (the newest revision the SDK speaks; no routing headers, no _meta), with its token.
     */
    static byte[] toolsListEvent(Path events) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(events.resolve("mcp-tools-list.json").toFile());
        ObjectNode headers = (ObjectNode) event.get("headers");
        headers.put("mcp-protocol-version", "2025-11-25");
        headers.remove("mcp-method");
        event.put("body", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        return JSON.writeValueAsBytes(event);
    }

    List<Result> measure(List<Variant> variants, int runs, int warmRequests) throws IOException {
        List<TimedFunction> probes = new ArrayList<>();
        for (Variant variant : variants) {
            TimedFunction probe = new TimedFunction(packaged(variant), environment(variant), variant.sample().event());
            check(variant, probe);
            probes.add(probe);
        }
        TimedFunction.startInTurns(probes, runs);
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            TimedFunction probe = probes.get(i);
            double[] warm = probe.warmMillis(warmRequests);
            results.add(new Result(variants.get(i), Stats.median(probe.timings), Stats.percentile(warm, 50),
                    Stats.percentile(warm, 99), probe.classesLoaded(), PackageFolder.bytes(probe.spec),
                    PackageFolder.jars(probe.spec).size()));
        }
        return results;
    }

    /** The jars of the probe's package, for a look at what it holds. */
    List<Path> jars(Variant variant) throws IOException {
        return PackageFolder.jars(packaged(variant));
    }

    private FunctionSpec packaged(Variant variant) throws IOException {
        if (variant.function() != null) {
            FunctionSpec function = project.function(variant.function());
            if (!Files.isDirectory(function.packageDirectory().resolve("lib"))) {
                throw new IllegalStateException(function.logicalId() + " is not packaged at "
                        + function.packageDirectory() + ": build it first with ./dev build");
            }
            return function;
        }
        FunctionSpec spec = packaged.get(variant.handler());
        if (spec == null) {
            spec = packages.create(variant.handler().getSimpleName(), variant.handler(), variant.extraArtifacts());
            packaged.put(variant.handler(), spec);
        }
        return spec;
    }

    /** A probe's environment is the tasks function's; a real function gets its own, the rate limit lifted for the warm requests. */
    private Map<String, String> environment(Variant variant) {
        return variant.function() == null ? environment : UnthrottledEnvironment.of(project.function(variant.function()),
                emulators.aws(), emulators.resources(), config);
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
