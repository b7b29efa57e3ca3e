package com.todoapi.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./dev bench [RUNS]}: prints the cold-start table. Each function is started RUNS times
 * (5), in turns with a bare "hello" handler started the same way, the floor its ratio is to.
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
            new ColdStarts.Case("ChatWorkerFunction", "chat-worker-batch.json"),
            new ColdStarts.Case("CleanupWorkerFunction", "cleanup-worker-batch.json"),
            new ColdStarts.Case("SweeperFunction", "sweeper-schedule.json"));

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.printf("Cold starts: %d runs per function, median; %d cores, Java %s (functions: the template's flags)%n",
                runs, Runtime.getRuntime().availableProcessors(), Runtime.version());
        List<ColdStarts.Result> results = new ColdStarts(Path.of("").toAbsolutePath()).measure(FUNCTIONS, runs);
        System.out.print(ColdStartTable.render(results));
        System.exit(0); // DynamoDB Local and ElasticMQ leave non-daemon threads behind
    }
}
