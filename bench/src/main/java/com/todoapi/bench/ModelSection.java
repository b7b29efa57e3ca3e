package com.todoapi.bench;

import com.todoapi.agent.model.ModelRequest;
import com.todoapi.agent.openai.OpenAiChatClient;
import com.todoapi.agent.openai.OpenAiClientWork;
import com.todoapi.agent.openai.OpenAiSettings;
import com.todoapi.aws.dynamodb.DynamoConversationStore;
import com.todoapi.aws.dynamodb.Tables;
import com.todoapi.chat.ReplyTurns;
import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import com.todoapi.local.template.Template;
import com.todoapi.testing.CapacityMeter;
import com.todoapi.testing.FakeChatCompletions;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./dev bench model}: the assistant with a language model. The loop's own time per turn
 * and the OpenAI client's per call, in this JVM; then, on DynamoDB Local and ElasticMQ in a JVM of
 * their own, the chat worker's cold start per provider beside today's heaviest functions, what a
 * turn sends the model at message 10 and 1,000, and what a warm turn costs.
 */
final class ModelSection {
    static final String MODEL = "gpt-4.1-mini";
    private static final int LOOP_WARM_UP = 5_000;
    private static final int LOOP_TURNS = 5_000;
    private static final int CLIENT_WARM_UP = 3_000;
    private static final int CLIENT_ROUNDS = 3_000;
    private static final int TURN_WARM_UP = 60;
    private static final int TURNS_TIMED = 200;

    private ModelSection() {
    }

    static void run(Path repository, int runs, PrintStream out) throws Exception {
        Template project = Template.load(repository.resolve("template.yaml"));
        LocalConfig config = LocalConfig.read(repository.resolve("local/local-config.json"));

        ModelLoopTime loop = new ModelLoopTime();
        List<ModelLoopTime.Result> loopTimes = loop.measure(LOOP_WARM_UP, LOOP_TURNS);
        out.printf("%nThe model loop's own time: a three-round turn (full window and summary) with a model and tools "
                + "that answer at once, %d turns after %d%n", LOOP_TURNS, LOOP_WARM_UP);
        out.print(ModelTables.loop(loopTimes, LOOP_TURNS));
        OpenAiClientWork work = new OpenAiClientWork(MODEL);
        List<ModelRequest> requests = loop.lastRequests();
        OpenAiClientWork.Result clientWork = work.measure(requests, WireAnswers.to(work.bodies(requests)), CLIENT_WARM_UP,
                CLIENT_ROUNDS);
        out.printf("%nThe OpenAI-compatible client's own work per call, without the network: that turn's %d requests "
                + "written and the fake's answers to them parsed, %d times after %d%n", requests.size(), CLIENT_ROUNDS,
                CLIENT_WARM_UP);
        out.print(ModelTables.clientWork(clientWork));

        try (SeparateEmulators emulators = SeparateEmulators.start(repository, project, config)) {
            String tableName = LocalRuntime.functionEnvironment(project.function(WorkerColdStarts.WORKER), emulators.aws(),
                    emulators.resources(), config).get("TABLE_NAME");
            PendingReplies replies = new PendingReplies(new DynamoConversationStore(new Tables(emulators.aws().dynamoDb(),
                    tableName)), repository.resolve("events"));

            out.printf("%nCold starts of the chat worker answering one real reply, per assistant, beside today's heaviest "
                    + "functions: %d runs each, in turns, median%n", runs);
            out.print(ModelTables.coldStarts(new WorkerColdStarts(repository, project, config, emulators.aws(),
                    emulators.resources(), replies).measure(runs)));

            CapacityMeter meter = new CapacityMeter();
            CapacityByOperation operations = new CapacityByOperation();
            AwsCallTimer dynamoDbTime = new AwsCallTimer();
            Tables metered = new Tables(meter.dynamoDb(emulators.aws().dynamoDbEndpoint(), operations, dynamoDbTime),
                    tableName);
            try (FakeChatCompletions fake = FakeChatCompletions.start().brain(new AddThenConfirm())) {
                TimedModelClient client = new TimedModelClient(new OpenAiChatClient(OpenAiSettings.bearer(
                        URI.create(fake.baseUrl()), MODEL, Optional.of("sk-bench"))));
                ReplyTurns budgeted = OpenAiTurns.budgeted(metered, client);
                PromptGrowth growth = new PromptGrowth(replies, fake, OpenAiTurns.unbudgeted(metered, client), budgeted);
                out.printf("%nInput tokens of a turn's first model request (as the Chat Completions fake counts them, UTF-8 "
                        + "bytes / 4), conversations grown through real turns on DynamoDB Local%n");
                out.print(ModelTables.growth(growth.at(10), growth.at(1_000)));

                TurnCost.Result turn = new TurnCost(replies, budgeted, client, meter, operations, dynamoDbTime).measure(TURN_WARM_UP, TURNS_TIMED);
                out.printf("%nA warm model turn of two rounds (add_task, then the confirmation), in this JVM on DynamoDB "
                        + "Local: %d turns after %d; DynamoDB and tokens per turn%n", TURNS_TIMED, TURN_WARM_UP);
                out.print(ModelTables.turn(turn));
                out.printf("%nCost per million such turns (us-east-1 list prices in Prices; %s at $0.40 / $1.60 per million "
                        + "input / output tokens)%n", MODEL);
                out.print(ModelTables.cost(turn, clientWork));
            }
        }
    }
}
