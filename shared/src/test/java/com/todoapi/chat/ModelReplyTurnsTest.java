package com.todoapi.chat;

import com.todoapi.agent.model.ModelAgent;
import com.todoapi.agent.model.ModelSettings;
import com.todoapi.agent.model.TokenBudget;
import com.todoapi.agent.openai.OpenAiChatClient;
import com.todoapi.agent.openai.OpenAiSettings;
import com.todoapi.aws.dynamodb.DynamoConversationStore;
import com.todoapi.aws.dynamodb.DynamoIdempotencyStore;
import com.todoapi.aws.dynamodb.DynamoTaskStore;
import com.todoapi.aws.dynamodb.DynamoTokenBudget;
import com.todoapi.aws.dynamodb.Tables;
import com.todoapi.conversations.Conversation;
import com.todoapi.conversations.Message;
import com.todoapi.conversations.PostedMessage;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.jobs.Job;
import com.todoapi.metrics.Metric;
import com.todoapi.metrics.Metrics;
import com.todoapi.tasks.StatusFilter;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chat worker's turn with a model agent on DynamoDB Local: usage stored, the daily budget, refusals. */
@ExtendWith(AwsBackendExtension.class)
class ModelReplyTurnsTest {
    private Tables tables;
    private DynamoConversationStore store;
    private TaskService tasks;
    private FakeChatCompletions model;
    private String user;

    @BeforeEach
    void setUp(AwsBackend aws) {
        tables = new Tables(aws.aws().dynamoDb(), aws.tableName());
        store = new DynamoConversationStore(tables);
        tasks = new TaskService(new DynamoTaskStore(tables),
                new IdempotentRunner(new DynamoIdempotencyStore(tables), Clock.systemUTC()), Clock.systemUTC());
        model = FakeChatCompletions.start();
        user = "model-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        model.close();
    }

    @Test
    void theReplyStoresWhatTheModelUsedAndTheMetricsCountIt() {
        model.enqueue(Step.toolCalls(Step.call("add_task", "{\"title\":\"Buy milk\"}")).withUsage(400, 20),
                Step.text("Added task 1 \"Buy milk\".").withUsage(450, 12));
        Job.Reply job = post("Add milk");
        Metrics metrics = new Metrics();

        assertThat(turns(TokenBudget.unlimited()).answer(job, metrics, Duration.ofSeconds(30))).isTrue();

        Message reply = reply(job);
        assertThat(reply.content()).isEqualTo("Added task 1 \"Buy milk\".");
        assertThat(reply.usage()).hasValueSatisfying(usage -> {
            assertThat(usage.model()).isEqualTo("gpt-test");
            assertThat(usage.inputTokens()).isEqualTo(850);
            assertThat(usage.outputTokens()).isEqualTo(32);
            assertThat(usage.modelCalls()).isEqualTo(2);
        });
        assertThat(metrics.total(Metric.MODEL_INPUT_TOKENS)).isEqualTo(850);
        assertThat(metrics.total(Metric.MODEL_OUTPUT_TOKENS)).isEqualTo(32);
        assertThat(metrics.total(Metric.REPLIES_COMPLETED)).isEqualTo(1);
    }

    /** The budget is the table's, so a second worker instance sees what the first one spent. */
    @Test
    void pastTheDailyBudgetThePersonIsToldSoAndTheModelIsNotAsked() {
        model.enqueue(Step.text("Hello!").withUsage(900, 150));
        Job.Reply first = post("Hi");
        assertThat(turns(new DynamoTokenBudget(tables, 1_000)).answer(first)).isTrue();
        assertThat(reply(first).content()).isEqualTo("Hello!");

        Job.Reply second = post("Add milk");
        assertThat(turns(new DynamoTokenBudget(tables, 1_000)).answer(second)).isTrue();

        assertThat(model.requestCount()).as("no model call past the budget").isEqualTo(1);
        Message refused = reply(second);
        assertThat(refused.status()).isEqualTo(Message.Status.COMPLETED);
        assertThat(refused.content()).isEqualTo(ModelAgent.BUDGET_SPENT);
        assertThat(tasks.list(user, StatusFilter.ALL, 10, OptionalLong.empty()).items()).isEmpty();
    }

    /** A wrong key is not mended by waiting: the reply is failed at once, not after the queue's retries. */
    @Test
    void aModelThatRefusesForGoodFailsTheReplyAtOnce() {
        model.enqueue(Step.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.", null));
        Job.Reply job = post("Add milk");
        Metrics metrics = new Metrics();

        assertThat(turns(TokenBudget.unlimited()).answer(job, metrics, Duration.ofSeconds(30))).isTrue();

        Message failed = reply(job);
        assertThat(failed.status()).isEqualTo(Message.Status.FAILED);
        assertThat(failed.content()).isEqualTo(ReplyTurns.FAILED_REPLY);
        assertThat(metrics.total(Metric.REPLIES_FAILED)).isEqualTo(1);
        assertThat(model.requestCount()).as("not retried").isEqualTo(1);
    }

    /** A model that keeps failing for now: the job goes back to the queue, the reply stays pending for it. */
    @Test
    void aModelThatFailsForNowSendsTheJobBackWithTheReplyPending() {
        for (int i = 0; i < 10; i++) {
            model.enqueue(Step.serverError(503));
        }
        Job.Reply job = post("Add milk");

        assertThatThrownBy(() -> turns(TokenBudget.unlimited()).answer(job, new Metrics(), Duration.ofSeconds(8)))
                .isInstanceOf(com.todoapi.agent.model.ModelCallException.class);
        assertThat(reply(job).settled()).isFalse();
        assertThat(model.requestCount()).as("retried within the turn, then given back").isBetween(2, 4);
    }

    private ReplyTurns turns(TokenBudget budget) {
        ModelAgent agent = new ModelAgent(new OpenAiChatClient(OpenAiSettings.bearer(URI.create(model.baseUrl()),
                "gpt-test", Optional.of("sk-test"))), new ModelSettings(256, 0, Duration.ofSeconds(5),
                ModelSettings.DEFAULT_MAX_ROUNDS), budget, Clock.systemUTC());
        return new ReplyTurns(store, tasks, agent, Clock.systemUTC());
    }

    private Job.Reply post(String content) {
        Conversation conversation = store.find(user, 1).orElseGet(() ->
                store.create(user, "Model", Instant.now(), Optional.empty()));
        PostedMessage posted = store.post(user, conversation.id(), content, Instant.now(), Optional.empty());
        return new Job.Reply(user, conversation.id(), posted.reply().number());
    }

    private Message reply(Job.Reply job) {
        return store.message(job.userId(), job.conversationId(), job.replyNumber()).orElseThrow();
    }
}
