package com.todoapi.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ./dev bench [RUNS] [SECTION...]}: prints one table per section (all by default).
 * Cold starts: each function started RUNS times (5), in turns with a bare "hello" handler started
 * the same way, the floor its ratio is to. Warm: each repeatable API route in-process. Load: the
 * main routes through the local runtime with a real load tool. CDS: what a start from prepared
 * state could buy, estimated with a class-data-sharing archive. Flags: the template's JVM flags
 * against the alternatives, cold and warm. Choices: the HTTP client, table-schema style and JSON
 * setup and MCP server, each variant in a probe function (mcp: the MCP server choice alone). Memory: one function at several sizes with Lambda's CPU for each.
 * Packaging: one function from its module's package, from one package of every function, and from
 * only the jars it loads. Model: the assistant with a language model (the chat worker's cold start per
 * provider, the loop's own time, prompt growth from message 10 to 1,000, a turn's cost). When: the
 * built-in assistant's date parser against Natty and PrettyTime-NLP, first parse in a fresh JVM. Live: the
 * WebSocket connect function's and the ticket route's cold starts beside task routes.
 */
public final class Benchmarks {
    static final List<ColdStarts.Case> FUNCTIONS = List.of(
            new ColdStarts.Case("HealthFunction", "health.json"),
            new ColdStarts.Case("CreateTaskFunction", "tasks-create.json"),
            new ColdStarts.Case("ListTasksFunction", "tasks-list.json"),
            new ColdStarts.Case("GetTaskFunction", "tasks-get.json"),
            new ColdStarts.Case("UpdateTaskFunction", "tasks-update.json"),
            new ColdStarts.Case("DeleteTaskFunction", "tasks-delete.json"),
            new ColdStarts.Case("CreateConversationFunction", "conversations-create.json"),
            new ColdStarts.Case("ListConversationsFunction", "conversations-list.json"),
            new ColdStarts.Case("GetConversationFunction", "conversations-get.json"),
            new ColdStarts.Case("DeleteConversationFunction", "conversations-delete.json"),
            new ColdStarts.Case("ListMessagesFunction", "messages-list.json"),
            new ColdStarts.Case("PostMessageFunction", "messages-post.json"),
            // A conversation that does not exist: a 404 at once, where the sample would wait for a reply.
            new ColdStarts.Case("CompatibleChatFunction", "chat-compatible.json",
                    "{\"conversation_id\":999999,\"message\":\"hello\"}"),
            new ColdStarts.Case("McpFunction", "mcp-tools-list.json"),
            new ColdStarts.Case("ProtectedResourceMetadataFunction", "mcp-metadata.json"),
            new ColdStarts.Case("ListApiKeysFunction", "apikeys-list.json"),
            // No key 1 for the sample user: a 404 after the table's read, so repeated runs stay alike.
            new ColdStarts.Case("RevokeApiKeyFunction", "apikeys-revoke.json"),
            new ColdStarts.Case("CreateRealtimeTicketFunction", "realtime-tickets-create.json"),
            new ColdStarts.Case("RealtimeConnectFunction", "realtime-connect-bearer.json"),
            new ColdStarts.Case("ChatWorkerFunction", "chat-worker-batch.json"),
            new ColdStarts.Case("CleanupWorkerFunction", "cleanup-worker-batch.json"),
            new ColdStarts.Case("SweeperFunction", "sweeper-schedule.json"));

    private static final String TASKS = "com.todoapi.functions.tasks.";
    private static final String CONVERSATIONS = "com.todoapi.functions.conversations.";
    private static final String MCP = "com.todoapi.functions.mcp.";
    /** The API routes that can be repeated a thousand times; a DELETE would find nothing to delete after its first. */
    static final List<WarmRoutes.Route> ROUTES = List.of(
            new WarmRoutes.Route("POST /v1/tasks", "CreateTaskFunction", TASKS + "CreateTaskHandler", "tasks-create.json", null),
            new WarmRoutes.Route("GET /v1/tasks/{id}", "GetTaskFunction", TASKS + "GetTaskHandler", "tasks-get.json", null),
            new WarmRoutes.Route("GET /v1/tasks/{id} (API key)", "GetTaskFunction", TASKS + "GetTaskHandler", "tasks-get.json",
                    null, true),
            new WarmRoutes.Route("GET /v1/tasks", "ListTasksFunction", TASKS + "ListTasksHandler", "tasks-list.json", null),
            new WarmRoutes.Route("GET /v1/tasks (API key)", "ListTasksFunction", TASKS + "ListTasksHandler", "tasks-list.json",
                    null, true),
            new WarmRoutes.Route("PATCH /v1/tasks/{id}", "UpdateTaskFunction", TASKS + "UpdateTaskHandler", "tasks-update.json", null),
            new WarmRoutes.Route("POST /v1/conversations", "CreateConversationFunction",
                    CONVERSATIONS + "CreateConversationHandler", "conversations-create.json", null),
            new WarmRoutes.Route("GET /v1/conversations/{id}", "GetConversationFunction",
                    CONVERSATIONS + "GetConversationHandler", "conversations-get.json", null),
            new WarmRoutes.Route("GET /v1/conversations", "ListConversationsFunction",
                    CONVERSATIONS + "ListConversationsHandler", "conversations-list.json", null),
            new WarmRoutes.Route("POST /v1/conversations/{id}/messages", "PostMessageFunction",
                    CONVERSATIONS + "PostMessageHandler", "messages-post.json", null),
            new WarmRoutes.Route("GET /v1/conversations/{id}/messages", "ListMessagesFunction",
                    CONVERSATIONS + "ListMessagesHandler", "messages-list.json", null),
            new WarmRoutes.Route("POST /mcp tools/list", "McpFunction", MCP + "McpHandler", "mcp-tools-list.json", null),
            new WarmRoutes.Route("POST /mcp tools/call add_task", "McpFunction", MCP + "McpHandler", "mcp-tools-call.json", null));

    static final List<LoadRun.Target> LOAD = List.of(
            new LoadRun.Target("POST", "/v1/tasks", "{\"title\":\"Under load\"}"),
            new LoadRun.Target("GET", "/v1/tasks", null),
            new LoadRun.Target("GET", "/v1/tasks/1", null),
            new LoadRun.Target("GET", "/v1/conversations", null));

    /**
     * The live connection's functions beside task routes of the same run: the connect function builds
     * the management API client and checks a bearer, the ticket route is an authenticated route plus a put.
     */
    static final List<ColdStarts.Case> LIVE = List.of(
            new ColdStarts.Case("GetTaskFunction", "tasks-get.json"),
            new ColdStarts.Case("CreateTaskFunction", "tasks-create.json"),
            new ColdStarts.Case("CreateRealtimeTicketFunction", "realtime-tickets-create.json"),
            new ColdStarts.Case("RealtimeConnectFunction", "realtime-connect-bearer.json"));

    static final List<String> SECTIONS = List.of("cold", "warm", "load", "cds", "flags", "choices", "mcp", "memory", "packaging",
            "model", "when", "live");
    /** Lambda's sizes around the template's 1 GB: its smallest sensible for Java, one full vCPU (1,769 MB), and more. */
    static final List<Integer> MEMORY_SIZES = List.of(512, 1024, 1769, 3008);

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int runs = 5;
        Set<String> sections = new LinkedHashSet<>();
        for (String arg : args) {
            if (arg.matches("\\d+")) {
                runs = Integer.parseInt(arg);
            } else if (SECTIONS.contains(arg)) {
                sections.add(arg);
            } else {
                System.err.println("usage: ./dev bench [RUNS] [" + String.join("] [", SECTIONS) + "]   (all by default)");
                System.exit(2);
            }
        }
        if (sections.isEmpty()) {
            sections.addAll(SECTIONS);
        }
        Path repository = Path.of("").toAbsolutePath();
        System.out.printf("Benchmarks on %d cores, Java %s; functions run with the template's flags%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        if (sections.contains("cold")) {
            System.out.printf("%nCold starts: %d runs per function, median%n", runs);
            System.out.print(ColdStartTable.render(new ColdStarts(repository).measure(FUNCTIONS, runs)));
        }
        if (sections.contains("live")) {
            System.out.printf("%nCold starts of the live connection's functions beside task routes: %d runs each, median%n", runs);
            System.out.print(ColdStartTable.render(new ColdStarts(repository).measure(LIVE, runs)));
        }
        if (sections.contains("warm")) {
            int warmUp = 1_000;
            int requests = 1_000;
            System.out.printf("%nWarm routes in-process on DynamoDB Local (a JVM of its own): %d requests per route after "
                    + "%d to warm up, one at a time; DynamoDB figures per request; this JVM's flags: %s%n", requests, warmUp,
                    String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
            List<WarmRoutes.Result> warm = new WarmRoutes(repository).measure(ROUTES, warmUp, requests);
            System.out.print(WarmRouteTable.render(warm));
            System.out.printf("%nCost in dollars per million requests (us-east-1 list prices in Prices, read 2026-11-22; "
                    + "duration: the warm p50 above at 1 GB arm64)%n");
            System.out.print(CostTable.render(warm));
        }
        if (sections.contains("load")) {
            int connections = 8;
            int seconds = 10;
            System.out.printf("%nLoad through the local runtime (autocannon, %d connections, %d s per route, "
                    + "up to 2 JVMs per function)%n", connections, seconds);
            System.out.print(LoadTable.render(new LoadRun(repository).measure(LOAD, connections, seconds)));
        }
        if (sections.contains("cds")) {
            System.out.printf("%nEstimate: a start from prepared state (class data sharing), %d runs each, median%n", runs);
            StringBuilder table = new StringBuilder("| function | plain (ms) | with its AppCDS archive (ms) | saved | archive (MB) |\n"
                    + "|---|---|---|---|---|\n");
            for (String function : List.of("GetTaskFunction", "PostMessageFunction")) {
                ColdStarts.ArchiveResult r = new ColdStarts(repository).archiveEstimate(function(function), runs);
                table.append(String.format("| %s | %.0f | %.0f | %.0f%% | %.1f |%n", r.function(), r.plainMillis(),
                        r.archivedMillis(), 100 * (1 - r.archivedMillis() / r.plainMillis()), r.archiveBytes() / 1e6));
            }
            System.out.print(table);
        }
        if (sections.contains("flags")) {
            int warm = 300;
            System.out.printf("%nThe JVM flags choice, GetTaskFunction: %d cold starts each (median), then %d warm requests "
                    + "to one instance after %d (through the local Runtime API)%n", runs, warm, warm);
            StringBuilder table = new StringBuilder("| JAVA_TOOL_OPTIONS | cold start (ms) | warm p50 (ms) | warm p99 (ms) |\n"
                    + "|---|---|---|---|\n");
            for (ColdStarts.FlagsResult r : new ColdStarts(repository).flagsEstimate(function("GetTaskFunction"), List.of(
                    "-XX:+TieredCompilation -XX:TieredStopAtLevel=1", ""), runs, warm)) {
                table.append(String.format("| `%s` | %.0f | %.2f | %.2f |%n",
                        r.flags().isEmpty() ? "(none: the JVM's defaults)" : r.flags(), r.coldMillis(), r.warmP50(), r.warmP99()));
            }
            System.out.print(table);
        }
        if (sections.contains("choices")) {
            int warm = 300;
            System.out.printf("%nImplementation choices, each variant a probe function started as the functions are: "
                    + "%d cold starts each, in turns (median), then %d warm requests to one instance after %d%n", runs, warm, warm);
            System.out.print(Choices.run(repository, runs, warm));
        }
        if (sections.contains("mcp") && !sections.contains("choices")) {
            int warm = 300;
            System.out.printf("%nThe MCP server choice, each variant started as the functions are: %d cold starts each, "
                    + "in turns (median), then %d warm requests to one instance after %d; one tools/list (2025-11-25)%n",
                    runs, warm, warm);
            System.out.print(Choices.run(repository, runs, warm, v -> v.choice().equals(Choices.MCP_SERVER)));
        }
        if (sections.contains("memory")) {
            int warm = 300;
            System.out.printf("%nThe memory-size choice, GetTaskFunction: each size with Lambda's CPU for it (%d MB = 1 vCPU), "
                    + "%d cold starts each (median), then %d warm requests to one instance after %d%n",
                    CpuCap.FULL_VCPU_MB, runs, warm, warm);
            new MemorySizes(repository).measure(function("GetTaskFunction"), MEMORY_SIZES, runs, warm).ifPresentOrElse(
                    results -> System.out.print(MemorySizeTable.render(results)),
                    () -> System.out.println("(skipped: capping a JVM's CPU needs a writable Linux cgroup cpu controller, "
                            + "as root has)"));
        }
        if (sections.contains("packaging")) {
            System.out.printf("%nThe packaging choice, GetTaskFunction: %d cold starts of each layout, in turns (median)%n", runs);
            StringBuilder table = new StringBuilder("| package | jars | size (MB) | cold start, median (ms) |\n|---|---|---|---|\n");
            for (Packaging.Result r : new Packaging(repository).measure(function("GetTaskFunction"), runs)) {
                table.append(String.format("| %s | %d | %.1f | %.0f |%n", r.layout(), r.jars(), r.bytes() / 1e6, r.coldMillis()));
            }
            System.out.print(table);
        }
        if (sections.contains("model")) {
            System.out.printf("%nThe assistant with a model (ModelSection)%n");
            ModelSection.run(repository, runs, System.out);
        }
        if (sections.contains("when")) {
            System.out.printf("%nThe built-in assistant's date parser: %d first parses of each in a fresh JVM, in turns (median)%n", runs);
            System.out.print(WhenParserChoice.render(WhenParserChoice.measure(runs)));
        }
        System.exit(0); // DynamoDB Local and ElasticMQ leave non-daemon threads behind
    }

    private static ColdStarts.Case function(String name) {
        return FUNCTIONS.stream().filter(f -> f.function().equals(name)).findFirst().orElseThrow();
    }
}
