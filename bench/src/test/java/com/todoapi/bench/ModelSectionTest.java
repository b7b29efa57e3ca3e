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
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The model section's parts still run and count what they should; how fast is their own business. */
class ModelSectionTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void timesTheLoopAndTheClientsWorkOnAThreeRoundTurn() throws Exception {
        ModelLoopTime loop = new ModelLoopTime();
        List<ModelLoopTime.Result> results = loop.measure(20, 20);

        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.p99Millis()).isPositive()
                .isGreaterThanOrEqualTo(r.p50Millis()));
        List<ModelRequest> requests = loop.lastRequests();
        assertThat(requests).as("one request per round").hasSize(3);
        assertThat(requests.getLast().messages())
                .as("four earlier exchanges (each the request, the reply's call, its result, the reply), the message, two rounds")
                .hasSize(4 * 4 + 1 + 2 * 2);
        OpenAiClientWork work = new OpenAiClientWork(ModelSection.MODEL);
        List<String> answers = WireAnswers.to(work.bodies(requests));
        assertThat(answers).as("streamed, as the client asks: server-sent chunks ending in [DONE]").hasSize(3)
                .allSatisfy(answer -> assertThat(answer).contains("\"chat.completion.chunk\"").endsWith("data: [DONE]\n\n"));
        OpenAiClientWork.Result client = work.measure(requests, answers, 10, 10);
        assertThat(client.bodyP50()).isPositive();
        assertThat(ModelTables.loop(results, 20)).contains("| in memory |", "goal of 5 ms");
        assertThat(ModelTables.clientWork(client)).contains("request JSON written");
    }

    @Test
    void growsConversationsThroughRealTurnsAndCountsATurnsCost() throws Exception {
        Template project = Template.load(REPOSITORY.resolve("template.yaml"));
        LocalConfig config = LocalConfig.read(REPOSITORY.resolve("local/local-config.json"));
        try (SeparateEmulators emulators = SeparateEmulators.start(REPOSITORY, project, config);
             FakeChatCompletions fake = FakeChatCompletions.start().brain(new AddThenConfirm())) {
            String tableName = LocalRuntime.functionEnvironment(project.function(WorkerColdStarts.WORKER), emulators.aws(),
                    emulators.resources(), config).get("TABLE_NAME");
            PendingReplies replies = new PendingReplies(new DynamoConversationStore(new Tables(emulators.aws().dynamoDb(),
                    tableName)), REPOSITORY.resolve("events"));
            CapacityMeter meter = new CapacityMeter();
            CapacityByOperation operations = new CapacityByOperation();
            AwsCallTimer dynamoDbTime = new AwsCallTimer();
            Tables metered = new Tables(meter.dynamoDb(emulators.aws().dynamoDbEndpoint(), operations, dynamoDbTime),
                    tableName);
            TimedModelClient client = new TimedModelClient(new OpenAiChatClient(OpenAiSettings.bearer(
                    URI.create(fake.baseUrl()), ModelSection.MODEL, Optional.empty())));
            ReplyTurns budgeted = OpenAiTurns.budgeted(metered, client);
            PromptGrowth growth = new PromptGrowth(replies, fake, OpenAiTurns.unbudgeted(metered, client), budgeted);

            PromptGrowth.Point first = growth.at(2);
            PromptGrowth.Point tenth = growth.at(10);
            assertThat(first.summaryChars()).as("nothing done before the first message").isZero();
            assertThat(first.windowTokens()).isZero();
            assertThat(tenth.summaryChars()).as("four tasks added before message 9").isPositive();
            assertThat(tenth.windowTokens()).isPositive();
            assertThat(tenth.toolsTokens()).isEqualTo(first.toolsTokens());
            assertThat(tenth.promptTokens()).isGreaterThan(first.promptTokens());

            TurnCost.Result turn = new TurnCost(replies, budgeted, client, meter, operations, dynamoDbTime).measure(2, 3);
            assertThat(turn.modelCalls()).as("add_task, then the confirmation").isEqualTo(2.0);
            assertThat(turn.ownP50()).isPositive().isLessThan(turn.turnP50());
            assertThat(turn.readUnits()).isPositive();
            assertThat(turn.writeUnits()).isPositive();
            assertThat(turn.inputTokens()).isGreaterThan(turn.outputTokens()).isPositive();
            assertThat(turn.byOperation()).extracting(CapacityByOperation.Operation::name)
                    .contains("GetItem", "Query", "TransactWriteItems", "UpdateItem");
            assertThat(ModelTables.cost(turn, new OpenAiClientWork.Result(1, 1, 1, 1))).contains("| total $ per million turns |");
        }
    }
}
