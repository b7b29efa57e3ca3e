package com.todoapi.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.local.emulator.Emulators;
import com.todoapi.local.emulator.Ports;
import com.todoapi.local.page.TryItPage;
import com.todoapi.local.template.Template;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The local runtime's command line: {@code run} the service, {@code invoke} one function with one event,
 * start the {@code emulators} alone, or mint a {@code token}.
 */
public final class Main {
    private static final String USAGE = """
            usage: run [options]                  the whole service on http://127.0.0.1:3000
                   invoke FUNCTION EVENT_FILE     one function, one event; prints the response
                   emulators [options]            DynamoDB Local and ElasticMQ alone, with the template's table and queues
                   token [USER_ID] [--days N]     a bearer token the local runtime accepts (user "alice", 1 day)
            options:
              --port N             HTTP API port (3000)
              --page-port N        the try-it page's port (the API port + 1; 0 picks a free one)
              --no-page            do not serve the try-it page
              --ws-port N          the WebSocket API's port (the API port + 2: ws://127.0.0.1:3002/STAGE; 0 picks a free one)
              --dynamodb-port N    DynamoDB Local port (8000)
              --sqs-port N         ElasticMQ port (9324)
              --data-dir DIR       where DynamoDB data is kept across restarts (.local)
              --in-memory          keep no data on disk
              --max-instances N    most JVMs per function at once; more requests wait (4)
              --fresh-process      a new JVM for every request, stopped after it (proves statelessness)
              --no-schedules       do not fire the template's schedules
              --template FILE      the SAM template (template.yaml)
              --config FILE        local-mode parameters and environment (local/local-config.json)
              --record-aws-calls DIR  every function records each AWS call it makes into DIR (./dev iam-check --calls DIR)
            the assistant (the built-in rules unless told otherwise; docs/assistant.md):
              --agent NAME         builtin, openai (any OpenAI-compatible server) or bedrock
              --model ID           the model, as the server names it (llama3.2, gpt-4.1-mini)
              --model-base-url URL the server's base URL up to /v1 (http://127.0.0.1:11434/v1 for Ollama)
              --model-key-header H the header carrying the key (Authorization, as Bearer; api-key for Azure)
              --daily-token-budget N  model tokens per user per UTC day (0: no limit)
              --model-call-timeout S  seconds one model call may take (20; within the worker's 60 s)
              --model-max-output-tokens N  the most tokens one answer may have (1024; fewer for a slow model)
              --model-max-tokens-field F  max_tokens or max_completion_tokens (by host: the latter for OpenAI and Azure only)
              The key, if the server wants one, is read from the MODEL_API_KEY environment variable.
            """;

    /** How the {@code emulators} command's ready line starts, for whoever waits on it. */
    public static final String EMULATORS_UP = "Emulators are up with the template's table and queues:";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Deque<String> queue = new ArrayDeque<>(List.of(args));
        String command = queue.isEmpty() ? "help" : queue.pop();
        try {
            switch (command) {
                case "run" -> run(CommandLine.parse(queue));
                case "invoke" -> System.exit(Invoke.run(CommandLine.parse(queue)));
                case "emulators" -> emulators(CommandLine.parse(queue));
                case "token" -> System.out.println(LocalTokens.fromCommandLine(queue));
                default -> {
                    System.out.print(USAGE);
                    System.exit(command.equals("help") || command.equals("--help") ? 0 : 2);
                }
            }
        } catch (Ports.PortInUseException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(CommandLine line) throws InterruptedException {
        long started = System.nanoTime();
        LocalRuntime runtime = LocalRuntime.start(line.options(System.out::println));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: function processes, queues, DynamoDB Local...");
            runtime.close();
        }, "shutdown"));
        RunningRuntime.write(line.dataDirectory(), runtime);
        System.out.printf("Todo API is up on %s in %.1f s (DynamoDB Local %s, ElasticMQ %s, data %s).%n",
                runtime.url(), (System.nanoTime() - started) / 1e9, runtime.aws().dynamoDbEndpoint(),
                runtime.aws().sqsEndpoint(), line.dataDirectory() == null ? "in memory" : line.dataDirectory());
        if (line.pagePort() >= 0) {
            TryItPage page = new TryItPage(line.pagePort(), runtime.url(), runtime.webSocketUrl());
            Runtime.getRuntime().addShutdownHook(new Thread(page::close, "page-shutdown"));
            System.out.println("Try-it page: " + page.url() + "    (sign in as a local user, chat with the assistant)");
        }
        runtime.webSockets().forEach(ws -> System.out.println("WebSocket API " + ws.api().logicalId() + ": " + ws.url()
                + "    (@connections at " + ws.managementEndpoint() + "/@connections/{id})"));
        System.out.println("Try: curl -i " + runtime.url() + "/health    (Ctrl-C stops everything)");
        Thread.currentThread().join();
    }

    /** The emulators without the functions: for tests run from an IDE, or a benchmark that keeps them out of its JVM. */
    private static void emulators(CommandLine line) throws InterruptedException {
        Emulators emulators = Emulators.start(Template.load(line.template()), LocalConfig.read(line.config()).parameters(),
                line.dynamoDbPort(), line.sqsPort(), line.dataDirectory());
        Runtime.getRuntime().addShutdownHook(new Thread(emulators::close, "shutdown"));
        System.out.printf("%s DynamoDB Local %s, ElasticMQ %s, data %s (Ctrl-C stops them).%n", EMULATORS_UP,
                emulators.aws().dynamoDbEndpoint(), emulators.aws().sqsEndpoint(),
                line.dataDirectory() == null ? "in memory" : line.dataDirectory());
        Thread.currentThread().join();
    }

    /** Options shared by the commands. */
    /** {@code pagePort} is -1 for no try-it page. */
    record CommandLine(List<String> positional, int port, int pagePort, int dynamoDbPort, int sqsPort, Path dataDirectory,
                       int maxInstances, boolean freshProcess, boolean schedules, Path template, Path config,
                       AgentOptions agent, Path awsCallLog, int webSocketPort) {

        static CommandLine parse(Deque<String> args) {
            int port = 3000;
            Integer pagePort = null;
            Integer wsPort = null;
            boolean page = true;
            int dynamoDbPort = 8000;
            int sqsPort = 9324;
            Path data = Path.of(".local");
            int maxInstances = 4;
            boolean fresh = false;
            boolean schedules = true;
            Path template = Path.of("template.yaml");
            Path config = Path.of("local", "local-config.json");
            Path awsCallLog = null;
            List<String> positional = new java.util.ArrayList<>();
            AgentOptions agent = AgentOptions.fromEnvironment(System.getenv());
            while (!args.isEmpty()) {
                String arg = args.pop();
                switch (arg) {
                    case "--agent" -> agent = agent.withAgent(value(arg, args));
                    case "--model" -> agent = agent.withModel(value(arg, args));
                    case "--model-base-url" -> agent = agent.withBaseUrl(value(arg, args));
                    case "--model-key-header" -> agent = agent.withKeyHeader(value(arg, args));
                    case "--daily-token-budget" -> agent = agent.withDailyTokenBudget(number(arg, args));
                    case "--model-call-timeout" -> agent = agent.withCallTimeout(number(arg, args));
                    case "--model-max-output-tokens" -> agent = agent.withMaxOutputTokens(number(arg, args));
                    case "--model-max-tokens-field" -> agent = agent.withMaxTokensField(value(arg, args));
                    case "--port" -> port = number(arg, args);
                    case "--page-port" -> pagePort = number(arg, args);
                    case "--no-page" -> page = false;
                    case "--ws-port" -> wsPort = number(arg, args);
                    case "--dynamodb-port" -> dynamoDbPort = number(arg, args);
                    case "--sqs-port" -> sqsPort = number(arg, args);
                    case "--data-dir" -> data = Path.of(value(arg, args));
                    case "--in-memory" -> data = null;
                    case "--max-instances" -> maxInstances = Math.max(1, number(arg, args));
                    case "--fresh-process" -> fresh = true;
                    case "--no-schedules" -> schedules = false;
                    case "--template" -> template = Path.of(value(arg, args));
                    case "--config" -> config = Path.of(value(arg, args));
                    case "--record-aws-calls" -> awsCallLog = Path.of(value(arg, args));
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                        }
                        positional.add(arg);
                    }
                }
            }
            int chosenPagePort = !page ? -1 : pagePort != null ? pagePort : port == 0 ? 0 : port + 1;
            return new CommandLine(List.copyOf(positional), port, chosenPagePort, dynamoDbPort, sqsPort, data, maxInstances, fresh,
                    schedules, template, config, agent.checked(), awsCallLog,
                    wsPort != null ? wsPort : port == 0 ? 0 : port + 2);
        }

        LocalRuntime.Options options(java.util.function.Consumer<String> log) {
            return new LocalRuntime.Options(template, agent.appliedTo(LocalConfig.read(config)), port, dynamoDbPort, sqsPort,
                    dataDirectory, maxInstances, freshProcess, schedules, log, awsCallLog)
                    .withWebSocket(webSocketPort, com.todoapi.local.websocket.WebSocketLimits.AWS);
        }

        private static String value(String option, Deque<String> args) {
            if (args.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.pop();
        }

        private static int number(String option, Deque<String> args) {
            String value = value(option, args);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, not " + value);
            }
        }
    }

    /** Where a running {@code run} keeps its emulator endpoints, so {@code invoke} can use the same data. */
    static final class RunningRuntime {
        static final String FILE = "runtime.json";

        private RunningRuntime() {
        }

        record Endpoints(long pid, String dynamodb, String sqs) {
        }

        static void write(Path dataDirectory, LocalRuntime runtime) {
            if (dataDirectory == null) {
                return;
            }
            Path file = dataDirectory.resolve(FILE);
            try {
                new ObjectMapper().writeValue(file.toFile(), new Endpoints(ProcessHandle.current().pid(),
                        runtime.aws().dynamoDbEndpoint().toString(), runtime.aws().sqsEndpoint().toString()));
                file.toFile().deleteOnExit();
            } catch (java.io.IOException e) {
                System.err.println("warning: could not write " + file + ": " + e.getMessage());
            }
        }

        static java.util.Optional<Endpoints> read(Path dataDirectory) {
            if (dataDirectory == null || !dataDirectory.resolve(FILE).toFile().exists()) {
                return java.util.Optional.empty();
            }
            try {
                Endpoints endpoints = new ObjectMapper().readValue(dataDirectory.resolve(FILE).toFile(), Endpoints.class);
                boolean alive = ProcessHandle.of(endpoints.pid()).map(ProcessHandle::isAlive).orElse(false);
                return alive ? java.util.Optional.of(endpoints) : java.util.Optional.empty();
            } catch (java.io.IOException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
