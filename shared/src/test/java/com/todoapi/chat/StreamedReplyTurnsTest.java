package com.todoapi.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.agent.builtin.BuiltInAgent;
import com.todoapi.agent.model.ModelAgent;
import com.todoapi.agent.model.ModelCallException;
import com.todoapi.agent.model.ModelSettings;
import com.todoapi.agent.model.TokenBudget;
import com.todoapi.agent.openai.OpenAiChatClient;
import com.todoapi.agent.openai.OpenAiSettings;
import com.todoapi.aws.dynamodb.DynamoConversationStore;
import com.todoapi.aws.dynamodb.DynamoIdempotencyStore;
import com.todoapi.aws.dynamodb.DynamoTaskStore;
import com.todoapi.aws.dynamodb.Tables;
import com.todoapi.conversations.Conversation;
import com.todoapi.conversations.Message;
import com.todoapi.conversations.MessageView;
import com.todoapi.conversations.PostedMessage;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.jobs.Job;
import com.todoapi.json.Json;
import com.todoapi.live.LivePublisher;
import com.todoapi.metrics.Metrics;
import com.todoapi.tasks.TaskService;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.FakeChatCompletions;
import com.todoapi.testing.FakeChatCompletions.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chat worker's turn streaming to a person's live connections, on DynamoDB Local, with the
 * model as a server streaming OpenAI's wire format at a set pace and the publisher an in-process
 * one that keeps what it was given: the deltas join into the stored reply, which is written once
 * and told once.
 */
@ExtendWith(AwsBackendExtension.class)
class StreamedReplyTurnsTest {
    private static final String LONG_REPLY = "Here is your plan for the week. ".repeat(12).strip();
    private DynamoConversationStore store;
    private TaskService tasks;
    private FakeChatCompletions model;
    private String user;
    private final List<Published> published = new CopyOnWriteArrayList<>();

    record Published(String userId, JsonNode event) {
        String type() {
            return event.path("type").asText();
        }
    }

    @BeforeEach
    void setUp(AwsBackend aws) {
        Tables tables = new Tables(aws.aws().dynamoDb(), aws.tableName());
        store = new DynamoConversationStore(tables);
        tasks = new TaskService(new DynamoTaskStore(tables),
                new IdempotentRunner(new DynamoIdempotencyStore(tables), Clock.systemUTC()), Clock.systemUTC());
        model = FakeChatCompletions.start();
        user = "live-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    @Test
    void theDeltasJoinIntoTheStoredReplyThenOneCompletedTellsIt() {
        model.pace(Duration.ofMillis(4), 2).enqueue(Step.text(LONG_REPLY));
        Job.Reply job = post("Plan my week");

        assertThat(turns(modelAgent()).answer(job, new Metrics(), Duration.ofSeconds(30))).isTrue();

        Message stored = reply(job);
        List<JsonNode> deltas = events("reply.delta");
        assertThat(deltas.size()).as("batched: fewer pushes than the model's %d chunks", LONG_REPLY.length() / 2)
                .isBetween(2, LONG_REPLY.length() / 8);
        assertThat(deltas).extracting(e -> e.path("seq").asInt()).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, deltas.size()).boxed().toList());
        int attempt = deltas.getFirst().path("attempt").asInt();
        assertThat(attempt).isPositive();
        assertThat(deltas).allSatisfy(e -> {
            assertThat(e.path("attempt").asInt()).isEqualTo(attempt);
            assertThat(e.path("conversation_id").asLong()).isEqualTo(job.conversationId());
            assertThat(e.path("reply_id").asText()).isEqualTo(stored.id());
        });
        assertThat(joined(deltas)).isEqualTo(stored.content()).isEqualTo(LONG_REPLY);
        assertThat(published.getLast().type()).isEqualTo("reply.completed");
        assertThat(events("reply.completed")).hasSize(1);
        assertThat(published.getLast().event().path("reply")).isEqualTo(Json.MAPPER.valueToTree(MessageView.of(stored)));
        assertThat(published).allSatisfy(p -> assertThat(p.userId()).isEqualTo(user));
    }

    @Test
    void eachToolCallIsToldAsItFinishesAndTheReplyFollows() {
        model.enqueue(Step.toolCalls(Step.call("add_task", "{\"title\":\"Buy milk\"}")),
                Step.text("Added task 1 \"Buy milk\"."));
        Job.Reply job = post("Add milk");

        turns(modelAgent()).answer(job, new Metrics(), Duration.ofSeconds(30));

        assertThat(published).extracting(Published::type).containsSubsequence("reply.tool", "reply.delta", "reply.completed");
        JsonNode tool = events("reply.tool").getFirst();
        assertThat(tool.path("tool").asText()).isEqualTo("add_task");
        assertThat(tool.path("args").path("title").asText()).isEqualTo("Buy milk");
        assertThat(tool.path("result").path("status").asText()).isEqualTo("created");
        assertThat(joined(events("reply.delta"))).isEqualTo(reply(job).content());
    }

    /** The call is retried within the run; what the cut stream told is replaced by a new attempt. */
    @Test
    void aStreamCutShortStartsTheTextOverInTheNextAttempt() {
        model.pace(Duration.ZERO, 3).enqueue(Step.cutShort(Step.text("This will be cut off somewhere"), 5),
                Step.text("Here it is, whole."));
        Job.Reply job = post("Hi");

        turns(modelAgent()).answer(job, new Metrics(), Duration.ofSeconds(30));

        List<JsonNode> deltas = events("reply.delta");
        int last = deltas.getLast().path("attempt").asInt();
        assertThat(last).isEqualTo(deltas.getFirst().path("attempt").asInt() + 1);
        assertThat(joined(deltas.stream().filter(e -> e.path("attempt").asInt() == last).toList()))
                .isEqualTo(reply(job).content()).isEqualTo("Here it is, whole.");
        assertThat(events("reply.completed")).hasSize(1);
    }

    /** A job the queue delivers again: the new run streams as a later attempt, and the reply is written and told once. */
    @Test
    void aRedeliveredTurnStreamsWithAHigherAttemptAndCompletesOnce() {
        for (int i = 0; i < 4; i++) {
            model.enqueue(Step.cutShort(Step.text("Never finished"), 3));
        }
        Job.Reply job = post("Hi");
        assertThatThrownBy(() -> turns(modelAgent()).answer(job, new Metrics(), Duration.ofSeconds(30)))
                .isInstanceOf(ModelCallException.class);
        assertThat(reply(job).settled()).isFalse();
        assertThat(events("reply.completed")).isEmpty();
        int firstRunEvents = events("reply.delta").size();
        assertThat(firstRunEvents).as("the cut streams told something").isPositive();

        model.enqueue(Step.text("Hello again."));
        assertThat(turns(modelAgent()).answer(job, new Metrics(), Duration.ofSeconds(30))).isTrue();
        assertThat(turns(modelAgent()).answer(job, new Metrics(), Duration.ofSeconds(30))).as("settled already").isFalse();

        List<JsonNode> deltas = events("reply.delta");
        int firstDelivery = deltas.stream().limit(firstRunEvents).mapToInt(e -> e.path("attempt").asInt()).max().orElseThrow();
        List<JsonNode> replay = deltas.subList(firstRunEvents, deltas.size());
        assertThat(replay).isNotEmpty().allSatisfy(e -> assertThat(e.path("attempt").asInt()).isGreaterThan(firstDelivery));
        assertThat(replay.stream().map(e -> e.path("attempt").asInt()).distinct()).hasSize(1);
        assertThat(joined(replay)).isEqualTo(reply(job).content()).isEqualTo("Hello again.");
        assertThat(events("reply.completed")).hasSize(1);
    }

    @Test
    void aReplyThatFailsIsToldAsStored() {
        model.enqueue(Step.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.", null));
        Job.Reply job = post("Add milk");

        turns(modelAgent()).answer(job, new Metrics(), Duration.ofSeconds(30));

        Message failed = reply(job);
        assertThat(failed.status()).isEqualTo(Message.Status.FAILED);
        assertThat(events("reply.failed")).hasSize(1);
        assertThat(events("reply.failed").getFirst().path("reply")).isEqualTo(Json.MAPPER.valueToTree(MessageView.of(failed)));
        assertThat(events("reply.completed")).isEmpty();
    }

    /** The built-in agent writes its reply at once: one delta, then the reply. */
    @Test
    void theBuiltInAgentPushesItsReplyWhole() {
        Job.Reply job = post("add buy bread");

        turns(new BuiltInAgent()).answer(job, new Metrics(), Duration.ofSeconds(30));

        assertThat(published).extracting(Published::type).containsExactly("reply.tool", "reply.delta", "reply.completed");
        assertThat(events("reply.delta").getFirst().path("text").asText()).isEqualTo(reply(job).content());
    }

    /** A model that writes past the message limit: the told text ends equal to the stored (cut) reply. */
    @Test
    void aReplyCutToTheLimitIsToldAsCut() {
        model.pace(Duration.ZERO, 50_000).enqueue(Step.text("\u0001word ".repeat(8_000)));
        Job.Reply job = post("Talk");

        turns(modelAgent()).answer(job, new Metrics(), Duration.ofSeconds(30));

        List<JsonNode> deltas = events("reply.delta");
        assertThat(published).allSatisfy(p -> assertThat(p.event().toString().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(LiveReply.MAX_FRAME_BYTES));
        int last = deltas.getLast().path("attempt").asInt();
        assertThat(joined(deltas.stream().filter(e -> e.path("attempt").asInt() == last).toList()))
                .isEqualTo(reply(job).content()).hasSize(ModelAgent.MAX_REPLY_CHARS);
    }

    /** A publisher that hangs: the reply is still written, and the turn waits for it at most the drain budget. */
    @Test
    void pushingNeverStallsTheTurn() {
        model.pace(Duration.ofMillis(2), 5).enqueue(Step.text(LONG_REPLY));
        Job.Reply job = post("Plan my week");
        LivePublisher hanging = (userId, event) -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        long started = System.nanoTime();

        assertThat(new ReplyTurns(store, tasks, modelAgent(), Clock.systemUTC(), hanging)
                .answer(job, new Metrics(), Duration.ofSeconds(30))).isTrue();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LiveReply.DRAIN_BUDGET.plusSeconds(3));
        assertThat(reply(job).content()).isEqualTo(LONG_REPLY);
    }

    private List<JsonNode> events(String type) {
        return published.stream().filter(p -> p.type().equals(type)).map(Published::event).toList();
    }

    private static String joined(List<JsonNode> deltas) {
        return deltas.stream().map(e -> e.path("text").asText()).reduce("", String::concat);
    }

    private ModelAgent modelAgent() {
        return new ModelAgent(new OpenAiChatClient(OpenAiSettings.bearer(URI.create(model.baseUrl()), "gpt-test",
                Optional.of("sk-test"))), new ModelSettings(256, 0, Duration.ofSeconds(5), ModelSettings.DEFAULT_MAX_ROUNDS),
                TokenBudget.unlimited(), Clock.systemUTC());
    }

    private ReplyTurns turns(com.todoapi.agent.Agent agent) {
        return new ReplyTurns(store, tasks, agent, Clock.systemUTC(), (userId, event) -> published.add(new Published(userId, event)));
    }

    private Job.Reply post(String content) {
        Conversation conversation = store.create(user, "Live", Instant.now(), Optional.empty());
        PostedMessage posted = store.post(user, conversation.id(), content, Instant.now(), Optional.empty());
        return new Job.Reply(user, conversation.id(), posted.reply().number());
    }

    private Message reply(Job.Reply job) {
        return store.message(job.userId(), job.conversationId(), job.replyNumber()).orElseThrow();
    }
}
