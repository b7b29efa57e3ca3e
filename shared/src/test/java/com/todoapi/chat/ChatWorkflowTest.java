package com.todoapi.chat;

import com.todoapi.agent.Agent;
import com.todoapi.agent.builtin.BuiltInAgent;
import com.todoapi.aws.dynamodb.DynamoConversationStore;
import com.todoapi.aws.dynamodb.DynamoIdempotencyStore;
import com.todoapi.aws.dynamodb.DynamoTaskStore;
import com.todoapi.aws.dynamodb.DynamoAccountRemovals;
import com.todoapi.aws.dynamodb.Tables;
import com.todoapi.aws.sqs.SqsJobQueue;
import com.todoapi.config.Env;
import com.todoapi.conversations.Conversation;
import com.todoapi.conversations.ConversationService;
import com.todoapi.conversations.ConversationStore;
import com.todoapi.conversations.Message;
import com.todoapi.conversations.PostedMessage;
import com.todoapi.conversations.ReplyPoll;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.jobs.Job;
import com.todoapi.jobs.JobCodec;
import com.todoapi.jobs.JobQueue;
import com.todoapi.metrics.Metric;
import com.todoapi.metrics.Metrics;
import com.todoapi.sweeper.StuckWorkSweeper;
import com.todoapi.tasks.StatusFilter;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskService;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chat workflow on DynamoDB Local and ElasticMQ: posting, the worker's turn, duplicate
 * delivery, a worker that dies mid-turn, lost jobs and the sweeper.
 */
@ExtendWith(AwsBackendExtension.class)
class ChatWorkflowTest {
    private AwsBackend aws;
    private Tables tables;
    private DynamoConversationStore store;
    private TaskService tasks;
    private IdempotentRunner runner;
    private SqsJobQueue queue;
    private String user;

    @BeforeEach
    void setUp(AwsBackend aws) {
        this.aws = aws;
        tables = new Tables(aws.aws().dynamoDb(), aws.tableName());
        store = new DynamoConversationStore(tables);
        runner = new IdempotentRunner(new DynamoIdempotencyStore(tables), Clock.systemUTC());
        tasks = new TaskService(new DynamoTaskStore(tables), runner, Clock.systemUTC());
        queue = new SqsJobQueue(aws.aws().sqs(), new Env(Map.of(
                "CHAT_QUEUE_URL", aws.resources().queue("ChatQueue").url(),
                "CLEANUP_QUEUE_URL", aws.resources().queue("CleanupQueue").url())));
        user = "chat-" + UUID.randomUUID();
    }

    @Test
    void aPostedMessageIsEnqueuedAndGetsExactlyOneReplyAndOneTaskHoweverOftenItsJobRuns() {
        Conversation conversation = service(queue).create(user, "Errands", Optional.empty()).value();
        PostedMessage posted = service(queue).post(user, conversation.id(), "Add a task to buy groceries",
                Optional.empty()).value();
        Job.Reply job = new Job.Reply(user, conversation.id(), posted.reply().number());
        assertThat(receivedBodies("ChatQueue")).contains(JobCodec.encode(job));

        Metrics counted = new Metrics();
        assertThat(turns(new BuiltInAgent()).answer(job, counted)).isTrue();
        assertThat(turns(new BuiltInAgent()).answer(job, counted)).as("a duplicate delivery").isFalse();
        assertThat(counted.total(Metric.REPLIES_COMPLETED)).as("replies counted").isEqualTo(1);
        assertThat(counted.total(Metric.TOOL_CALLS)).as("tool calls counted").isEqualTo(1);

        List<Message> messages = store.messages(user, conversation.id(), 100, OptionalLong.empty()).items();
        assertThat(messages).extracting(Message::role).containsExactly(Message.Role.USER, Message.Role.ASSISTANT);
        Message reply = messages.get(1);
        assertThat(reply.status()).isEqualTo(Message.Status.COMPLETED);
        assertThat(reply.content()).contains("Buy groceries");
        assertThat(reply.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.tool()).isEqualTo("add_task");
            assertThat(call.args()).containsEntry("title", "Buy groceries");
            assertThat(call.result()).isInstanceOf(Map.class).hasFieldOrPropertyWithValue("status", "created");
        });
        assertThat(allTasks()).extracting(Task::title).containsExactly("Buy groceries");
    }

    @Test
    void aWorkerThatDiesAfterItsToolsRanIsRunAgainWithoutActingTwice() {
        Conversation conversation = store.create(user, "Crash", Instant.now(), Optional.empty());
        Job.Reply add = post(conversation, "Add milk and mark it as done");
        Agent diesAfterTools = (turn, tools) -> {
            new BuiltInAgent().respond(turn, tools);
            throw new IllegalStateException("the worker died before writing its reply");
        };
        assertThatThrownBy(() -> turns(diesAfterTools).answer(add)).isInstanceOf(IllegalStateException.class);
        assertThat(store.message(user, conversation.id(), add.replyNumber()).orElseThrow().settled()).isFalse();

        assertThat(turns(new BuiltInAgent()).answer(add)).isTrue();
        assertThat(allTasks()).singleElement().satisfies(task -> {
            assertThat(task.title()).isEqualTo("Milk");
            assertThat(task.completed()).isTrue();
            assertThat(task.version()).as("completed once").isEqualTo(2);
        });

        Job.Reply delete = post(conversation, "Delete task 1");
        assertThatThrownBy(() -> turns(diesAfterTools).answer(delete)).isInstanceOf(IllegalStateException.class);
        assertThat(turns(new BuiltInAgent()).answer(delete)).isTrue();
        Message reply = store.message(user, conversation.id(), delete.replyNumber()).orElseThrow();
        assertThat(reply.content()).as("the repeated turn reports the deletion, not a missing task")
                .contains("Deleted task 1").doesNotContain("couldn't");
        assertThat(allTasks()).isEmpty();
    }

    @Test
    void whatWasJustAddedIsAnsweredFromTheStoredConversation() {
        Conversation conversation = store.create(user, "Memory", Instant.now(), Optional.empty());
        turns(new BuiltInAgent()).answer(post(conversation, "Add a task to buy groceries"));
        Job.Reply question = post(conversation, "What did I just add?");
        turns(new BuiltInAgent()).answer(question);

        Message reply = store.message(user, conversation.id(), question.replyNumber()).orElseThrow();
        assertThat(reply.content()).contains("Buy groceries");
        assertThat(reply.toolCalls()).isEmpty();
        assertThat(store.find(user, conversation.id()).orElseThrow().summary()).contains("Buy groceries");
    }

    @Test
    void aJobTheQueueNeverTookIsSentAgainBySweeperThenFailedIfStillPending() {
        JobQueue down = job -> {
            throw new IllegalStateException("SQS is not answering");
        };
        Conversation conversation = service(down).create(user, "Lost", Optional.empty()).value();
        PostedMessage posted = service(down).post(user, conversation.id(), "Add a task to call mom",
                Optional.empty()).value();
        long reply = posted.reply().number();
        assertThat(store.message(user, conversation.id(), reply).orElseThrow().status())
                .as("the write stands although the send failed").isEqualTo(Message.Status.PENDING);

        Instant later = Instant.now().plusSeconds(120);
        Metrics firstSweep = sweeper(later).sweep().metrics();
        assertThat(firstSweep.total(Metric.SWEEPER_REQUEUED)).as("requeued, counted").isGreaterThanOrEqualTo(1);
        Job.Reply job = new Job.Reply(user, conversation.id(), reply);
        assertThat(receivedBodies("ChatQueue")).as("sent again by the sweeper").contains(JobCodec.encode(job));
        assertThat(store.message(user, conversation.id(), reply).orElseThrow().status()).isEqualTo(Message.Status.PENDING);

        sweeper(later.plusSeconds(30)).sweep();
        assertThat(store.message(user, conversation.id(), reply).orElseThrow().status())
                .as("not yet stuck twice as long").isEqualTo(Message.Status.PENDING);

        Metrics thirdSweep = sweeper(later.plusSeconds(120)).sweep().metrics();
        assertThat(thirdSweep.total(Metric.SWEEPER_FAILED)).as("failed, counted").isGreaterThanOrEqualTo(1);
        Message failed = store.message(user, conversation.id(), reply).orElseThrow();
        assertThat(failed.status()).isEqualTo(Message.Status.FAILED);
        assertThat(failed.content()).isEqualTo(ReplyTurns.FAILED_REPLY);
        assertThat(turns(new BuiltInAgent()).answer(job)).as("a late job writes no second reply").isFalse();
    }

    @Test
    void aRequeuedJobThatIsAnsweredIsNotFailedLater() {
        Conversation conversation = store.create(user, "Saved", Instant.now(), Optional.empty());
        Job.Reply job = post(conversation, "Show me all my tasks");
        Instant later = Instant.now().plusSeconds(120);
        sweeper(later).sweep();
        turns(new BuiltInAgent()).answer(job);
        sweeper(later.plusSeconds(600)).sweep();
        assertThat(store.message(user, conversation.id(), job.replyNumber()).orElseThrow().status())
                .isEqualTo(Message.Status.COMPLETED);
    }

    @Test
    void aLargeConversationIsHiddenAtOnceAndPurgedInTheBackgroundEvenIfItsJobWasLost() {
        JobQueue down = job -> {
            throw new IllegalStateException("SQS is not answering");
        };
        Conversation conversation = store.create(user, "Long", Instant.now(), Optional.empty());
        for (int i = 0; i < 15; i++) {
            post(conversation, "message " + i);
        }
        assertThat(service(down).delete(user, conversation.id())).isEqualTo(ConversationStore.Deletion.SCHEDULED);
        assertThat(store.find(user, conversation.id())).isEmpty();
        assertThat(store.list(user, 10, Optional.empty()).items()).isEmpty();

        sweeper(Instant.now().plusSeconds(120)).sweep();
        assertThat(receivedBodies("CleanupQueue"))
                .contains(JobCodec.encode(new Job.PurgeConversation(user, conversation.id())));
        while (!store.purge(user, conversation.id(), 7)) {
            // a page at a time, as the cleanup worker does
        }
        assertThat(aws.aws().dynamoDb().query(q -> q.tableName(aws.tableName())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                        .fromS("USER#" + user + "#CONV#" + String.format("%012d", conversation.id()))))).count())
                .isZero();
    }

    @Test
    void theCompatibilityRoutesKeyIsAsLongAsAnyAndKeptApartFromTheOtherRoutes() {
        String key = "k".repeat(255);
        ConversationService service = service(queue);
        Conversation other = service.create(user, "Other", Optional.of(key)).value();

        var first = service.postToNewConversation(user, "Hello there", Optional.of(key));
        var again = service.postToNewConversation(user, "Hello there", Optional.of(key));

        assertThat(first.replayed()).as("a key used on another route is not this route's").isFalse();
        assertThat(first.value().conversationId()).isNotEqualTo(other.id());
        assertThat(again.replayed()).isTrue();
        assertThat(again.value().conversationId()).isEqualTo(first.value().conversationId());
        assertThat(store.list(user, 10, Optional.empty()).items()).hasSize(2);
    }

    private Job.Reply post(Conversation conversation, String content) {
        PostedMessage posted = store.post(user, conversation.id(), content, Instant.now(), Optional.empty());
        return new Job.Reply(user, conversation.id(), posted.reply().number());
    }

    private List<Task> allTasks() {
        return tasks.list(user, StatusFilter.ALL, 100, OptionalLong.empty()).items();
    }

    private ConversationService service(JobQueue jobs) {
        return new ConversationService(store, jobs, runner, Clock.systemUTC(), ReplyPoll.BACKING_OFF);
    }

    private ReplyTurns turns(Agent agent) {
        return new ReplyTurns(store, tasks, agent, Clock.systemUTC());
    }

    private StuckWorkSweeper sweeper(Instant now) {
        return new StuckWorkSweeper(store, new DynamoAccountRemovals(tables), queue, Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(60));
    }

    /** Every body now on the queue; each message is put straight back for whoever else wants it. */
    private List<String> receivedBodies(String queueLogicalId) {
        String url = aws.resources().queue(queueLogicalId).url();
        SqsClient sqs = aws.aws().sqs();
        List<software.amazon.awssdk.services.sqs.model.Message> received = new java.util.ArrayList<>();
        for (int round = 0; round < 5; round++) {
            List<software.amazon.awssdk.services.sqs.model.Message> batch = sqs.receiveMessage(r -> r.queueUrl(url)
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            if (batch.isEmpty()) {
                break;
            }
            received.addAll(batch);
        }
        for (var message : received) {
            sqs.changeMessageVisibility(c -> c.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
        }
        return received.stream().map(software.amazon.awssdk.services.sqs.model.Message::body).toList();
    }
}
