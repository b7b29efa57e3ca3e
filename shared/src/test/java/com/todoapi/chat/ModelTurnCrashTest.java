package com.todoapi.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.agent.Agent;
import com.todoapi.agent.AgentReply;
import com.todoapi.agent.AgentTurn;
import com.todoapi.agent.ToolCall;
import com.todoapi.agent.ToolOutcome;
import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;
import com.todoapi.agent.model.ModelAgent;
import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.model.ModelClient;
import com.todoapi.agent.model.ModelRequest;
import com.todoapi.agent.model.ModelSettings;
import com.todoapi.agent.model.TokenBudget;
import com.todoapi.agent.TurnJournal;
import com.todoapi.agent.openai.OpenAiChatClient;
import com.todoapi.agent.openai.OpenAiSettings;
import com.todoapi.aws.dynamodb.DynamoConversationStore;
import com.todoapi.aws.dynamodb.DynamoIdempotencyStore;
import com.todoapi.aws.dynamodb.DynamoTaskStore;
import com.todoapi.aws.dynamodb.Tables;
import com.todoapi.aws.sqs.SqsJobQueue;
import com.todoapi.config.Env;
import com.todoapi.conversations.Conversation;
import com.todoapi.conversations.ConversationService;
import com.todoapi.conversations.Message;
import com.todoapi.conversations.PostedMessage;
import com.todoapi.conversations.ReplyPoll;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.jobs.Job;
import com.todoapi.jobs.JobCodec;
import com.todoapi.tasks.StatusFilter;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskService;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.FakeChatCompletions;
import com.todoapi.testing.FakeChatCompletions.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A model turn of three rounds (add a task; add another and complete the first; answer), its job
 * taken from ElasticMQ and its worker killed at each point of the turn: before and after each
 * model call and each tool call. The job comes back, as SQS gives it back, and runs again to the
 * end. Whatever the point, each tool effect happened once, no answer the journal saved was asked
 * of the model again, and the reply was written once, with the calls of every round.
 */
@ExtendWith(AwsBackendExtension.class)
class ModelTurnCrashTest {
    private static final int MODEL_CALLS = 3;
    private static final int TOOL_CALLS = 3;

    enum Point { BEFORE_MODEL_CALL, AFTER_MODEL_CALL, BEFORE_TOOL_CALL, AFTER_TOOL_CALL }

    /** The {@code occurrence}th time the turn reaches {@code point}. */
    record CrashPoint(Point point, int occurrence) {
        @Override
        public String toString() {
            return point.name().toLowerCase().replace('_', ' ') + " #" + occurrence;
        }
    }

    /** What a killed process leaves: nothing after it runs, nothing catches it. */
    static final class Killed extends Error {
        Killed(CrashPoint at) {
            super("the worker was killed " + at);
        }
    }

    private AwsBackend aws;
    private DynamoConversationStore store;
    private TaskService tasks;
    private ConversationService conversations;
    private FakeChatCompletions model;
    private final AtomicInteger asks = new AtomicInteger();
    private final List<String> finalTexts = new ArrayList<>();
    private String user;

    static Stream<CrashPoint> everyPoint() {
        List<CrashPoint> points = new ArrayList<>();
        for (int i = 1; i <= MODEL_CALLS; i++) {
            points.add(new CrashPoint(Point.BEFORE_MODEL_CALL, i));
            points.add(new CrashPoint(Point.AFTER_MODEL_CALL, i));
        }
        for (int i = 1; i <= TOOL_CALLS; i++) {
            points.add(new CrashPoint(Point.BEFORE_TOOL_CALL, i));
            points.add(new CrashPoint(Point.AFTER_TOOL_CALL, i));
        }
        return points.stream();
    }

    @BeforeEach
    void setUp(AwsBackend aws) {
        this.aws = aws;
        Tables tables = new Tables(aws.aws().dynamoDb(), aws.tableName());
        store = new DynamoConversationStore(tables);
        IdempotentRunner runner = new IdempotentRunner(new DynamoIdempotencyStore(tables), Clock.systemUTC());
        tasks = new TaskService(new DynamoTaskStore(tables), runner, Clock.systemUTC());
        SqsJobQueue queue = new SqsJobQueue(aws.aws().sqs(), new Env(Map.of(
                "CHAT_QUEUE_URL", aws.resources().queue("ChatQueue").url(),
                "CLEANUP_QUEUE_URL", aws.resources().queue("CleanupQueue").url())));
        conversations = new ConversationService(store, queue, runner, Clock.systemUTC(), ReplyPoll.BACKING_OFF);
        model = FakeChatCompletions.start().brain(this::threeRounds);
        user = "crash-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    @ParameterizedTest(name = "killed {0}")
    @MethodSource("everyPoint")
    void aTurnKilledAtAnyPointResumesWithoutRepeatingAnEffectOrAnAnswer(CrashPoint crash) {
        Conversation conversation = conversations.create(user, "Errands", Optional.empty()).value();
        PostedMessage posted = conversations.post(user, conversation.id(), "Add milk and call mom, and tick off milk",
                Optional.empty()).value();
        Job.Reply job = new Job.Reply(user, conversation.id(), posted.reply().number());

        Delivery first = receive(job);
        assertThatThrownBy(() -> turns(crash).answer(job)).isInstanceOf(Killed.class);
        assertThat(reply(job).settled()).as("no reply yet").isFalse();
        int asksBeforeTheRestart = asks.get();
        makeVisibleAgain(first);

        Delivery second = receive(job);
        assertThat(second.receiveCount()).as("the same job, delivered again").isEqualTo(2);
        assertThat(turns(null).answer(job)).isTrue();
        delete(second);

        boolean lostAnAnswer = crash.point() == Point.AFTER_MODEL_CALL;
        assertThat(asks.get()).as("model calls: one per round, and again only for an answer the kill lost")
                .isEqualTo(MODEL_CALLS + (lostAnAnswer ? 1 : 0));
        assertThat(asks.get() - asksBeforeTheRestart).as("asked after the restart")
                .isEqualTo(MODEL_CALLS - savedRoundsAt(crash));

        List<Task> all = tasks.list(user, StatusFilter.ALL, 10, OptionalLong.empty()).items();
        assertThat(all).extracting(Task::title).containsExactly("Milk", "Call mom");
        assertThat(all.get(0).completed()).isTrue();
        assertThat(all.get(0).version()).as("completed once").isEqualTo(2);
        assertThat(all.get(1).version()).as("untouched since created").isEqualTo(1);

        List<Message> messages = store.messages(user, conversation.id(), 10, OptionalLong.empty()).items();
        assertThat(messages).extracting(Message::role).containsExactly(Message.Role.USER, Message.Role.ASSISTANT);
        Message reply = messages.get(1);
        assertThat(reply.status()).isEqualTo(Message.Status.COMPLETED);
        assertThat(reply.content()).isEqualTo(finalTexts.getLast());
        assertThat(reply.toolCalls()).extracting(ToolCall::tool)
                .containsExactly(Toolbox.ADD_TASK, Toolbox.ADD_TASK, Toolbox.COMPLETE_TASK);
        assertThat(reply.toolCalls()).noneMatch(ToolCall::failed);
        assertThat(reply.toolCalls().get(2).result()).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("status", "completed").containsEntry("title", "Milk");
        assertThat(reply.usage()).hasValueSatisfying(usage -> assertThat(usage.modelCalls()).isEqualTo(MODEL_CALLS));
        assertThat(turns(null).answer(job)).as("a third delivery finds the reply written").isFalse();
    }

    /** Rounds whose answer the journal held when the worker died: they are not asked for again. */
    private static int savedRoundsAt(CrashPoint crash) {
        return switch (crash.point()) {
            case BEFORE_MODEL_CALL, AFTER_MODEL_CALL -> crash.occurrence() - 1;
            // Tool 1 is round 1's; tools 2 and 3 are round 2's.
            case BEFORE_TOOL_CALL, AFTER_TOOL_CALL -> crash.occurrence() == 1 ? 1 : 2;
        };
    }

    /**
     * The scripted model. Like a real one it does not answer the same twice: every answer has
     * new call ids and a new final text, so a reply made of a re-asked answer would show.
     */
    private Step threeRounds(JsonNode request) {
        int ask = asks.incrementAndGet();
        int roundsDone = 0;
        for (JsonNode message : request.get("messages")) {
            if (message.get("role").asText().equals("assistant") && message.has("tool_calls")) {
                roundsDone++;
            }
        }
        return switch (roundsDone) {
            case 0 -> Step.toolCalls(Step.call("a" + ask, "add_task", "{\"title\":\"Milk\"}"));
            case 1 -> Step.toolCalls(Step.call("b" + ask, "add_task", "{\"title\":\"Call mom\"}"),
                    Step.call("c" + ask, "complete_task", "{\"task_id\":1}"));
            default -> {
                String text = "Added \"Milk\" and \"Call mom\", and completed \"Milk\" (answer " + ask + ").";
                finalTexts.add(text);
                yield Step.text(text);
            }
        };
    }

    /** The worker's turn with the real OpenAI-compatible client; {@code crash} null runs it to the end. */
    private ReplyTurns turns(CrashPoint crash) {
        Countdown countdown = new Countdown(crash);
        ModelClient client = new KillableClient(new OpenAiChatClient(
                OpenAiSettings.bearer(URI.create(model.baseUrl()), "scripted", Optional.of("sk-test"))), countdown);
        ModelAgent agent = new ModelAgent(client, new ModelSettings(256, 0, Duration.ofSeconds(5),
                ModelSettings.DEFAULT_MAX_ROUNDS), TokenBudget.unlimited(), Clock.systemUTC());
        Agent killable = new Agent() {
            @Override
            public AgentReply respond(AgentTurn turn, Toolbox tools) {
                return respond(turn, tools, TurnJournal.inMemory());
            }

            @Override
            public AgentReply respond(AgentTurn turn, Toolbox tools, TurnJournal journal) {
                return agent.respond(turn, new KillableToolbox(tools, countdown), journal);
            }
        };
        return new ReplyTurns(store, tasks, killable, Clock.systemUTC());
    }

    /** Counts the points a run passes and kills it at the one asked for. */
    private static final class Countdown {
        private final CrashPoint crash;
        private final Map<Point, Integer> seen = new java.util.EnumMap<>(Point.class);

        Countdown(CrashPoint crash) {
            this.crash = crash;
        }

        void pass(Point point) {
            int count = seen.merge(point, 1, Integer::sum);
            if (crash != null && crash.point() == point && crash.occurrence() == count) {
                throw new Killed(crash);
            }
        }
    }

    private record KillableClient(ModelClient delegate, Countdown countdown) implements ModelClient {
        @Override
        public String model() {
            return delegate.model();
        }

        @Override
        public ModelAnswer complete(ModelRequest request) {
            countdown.pass(Point.BEFORE_MODEL_CALL);
            ModelAnswer answer = delegate.complete(request);
            countdown.pass(Point.AFTER_MODEL_CALL);
            return answer;
        }
    }

    private record KillableToolbox(Toolbox delegate, Countdown countdown) implements Toolbox {
        @Override
        public List<ToolSpec> specs() {
            return delegate.specs();
        }

        @Override
        public ToolOutcome call(String tool, Map<String, Object> args) {
            throw new AssertionError("a model turn names each call's position");
        }

        @Override
        public ToolOutcome call(String tool, Map<String, Object> args, String position) {
            countdown.pass(Point.BEFORE_TOOL_CALL);
            ToolOutcome outcome = delegate.call(tool, args, position);
            countdown.pass(Point.AFTER_TOOL_CALL);
            return outcome;
        }
    }

    private Message reply(Job.Reply job) {
        return store.message(job.userId(), job.conversationId(), job.replyNumber()).orElseThrow();
    }

    private record Delivery(String receiptHandle, int receiveCount) {
    }

    /** Takes this job's message off the chat queue as the event source would; others go straight back. */
    private Delivery receive(Job.Reply job) {
        String url = aws.resources().queue("ChatQueue").url();
        SqsClient sqs = aws.aws().sqs();
        for (int attempt = 0; attempt < 20; attempt++) {
            for (var message : sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages()) {
                if (message.body().equals(JobCodec.encode(job))) {
                    return new Delivery(message.receiptHandle(), Integer.parseInt(
                            message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)));
                }
                sqs.changeMessageVisibility(c -> c.queueUrl(url).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0));
            }
        }
        throw new AssertionError("the job never came off the chat queue");
    }

    /** What the queue does when a worker died holding the message: its visibility lapses. */
    private void makeVisibleAgain(Delivery delivery) {
        aws.aws().sqs().changeMessageVisibility(c -> c.queueUrl(aws.resources().queue("ChatQueue").url())
                .receiptHandle(delivery.receiptHandle()).visibilityTimeout(0));
    }

    private void delete(Delivery delivery) {
        aws.aws().sqs().deleteMessage(d -> d.queueUrl(aws.resources().queue("ChatQueue").url())
                .receiptHandle(delivery.receiptHandle()));
    }
}
