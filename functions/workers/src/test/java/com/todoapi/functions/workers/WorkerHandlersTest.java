package com.todoapi.functions.workers;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.chat.ReplyTurns;
import com.todoapi.config.Env;
import com.todoapi.conversations.Conversation;
import com.todoapi.conversations.ConversationService;
import com.todoapi.conversations.Message;
import com.todoapi.conversations.PostedMessage;
import com.todoapi.jobs.Job;
import com.todoapi.jobs.JobCodec;
import com.todoapi.local.template.Template;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.FunctionCalls;
import com.todoapi.testing.RepoFiles;
import com.todoapi.testing.Tokens;
import com.todoapi.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.todoapi.testing.FunctionCalls.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** The worker functions in-process on DynamoDB Local and ElasticMQ, with real queue receives and redrive. */
@ExtendWith(AwsBackendExtension.class)
class WorkerHandlersTest {

    @Test
    void theSampleEventsRun(AwsBackend aws) {
        Services services = services(aws);
        JsonNode chat = invoke(new ChatWorkerHandler(services), sample("chat-worker-batch", "sample-user"));
        assertThat(chat.get("batchItemFailures")).as("no such reply: nothing to do, not a failure").isEmpty();
        JsonNode cleanup = invoke(new CleanupWorkerHandler(services), sample("cleanup-worker-batch", "sample-user"));
        assertThat(cleanup.get("batchItemFailures")).isEmpty();
        JsonNode sweep = invoke(new SweeperHandler(services), sample("sweeper-schedule", "sample-user"));
        assertThat(sweep.has("requeued")).isTrue();
    }

    @Test
    void aBatchReportsOnlyItsFailedJobs(AwsBackend aws) {
        Services services = services(aws);
        String user = Tokens.newUser();
        ConversationService conversations = services.conversations(services.jobs());
        Conversation conversation = conversations.create(user, "Batch", Optional.empty()).value();
        PostedMessage posted = conversations.post(user, conversation.id(), "Add a task to water the plants",
                Optional.empty()).value();
        ObjectNode event = sample("chat-worker-batch", user);
        ArrayNode records = (ArrayNode) event.get("Records");
        ((ObjectNode) records.get(0)).put("body", JobCodec.encode(new Job.Reply(user, conversation.id(),
                posted.reply().number())));
        ObjectNode garbage = records.get(0).deepCopy();
        garbage.put("messageId", "not-a-job");
        garbage.put("body", "{\"type\":\"launch_rockets\"}");
        records.add(garbage);

        JsonNode response = invoke(new ChatWorkerHandler(services), event);
        assertThat(response.get("batchItemFailures")).hasSize(1);
        assertThat(response.at("/batchItemFailures/0/itemIdentifier").asText()).isEqualTo("not-a-job");
        assertThat(services.conversationStore().message(user, conversation.id(), posted.reply().number())
                .orElseThrow().status()).isEqualTo(Message.Status.COMPLETED);
    }

    /** What the local runtime sends when it starts with empty queues: jobs lost with them are sent again at once. */
    @Test
    void theResendEventSendsALostJobAgainAndTheWorkerAnswersIt(AwsBackend aws) {
        Services services = services(aws);
        String user = Tokens.newUser();
        ConversationService lostJobs = services.conversations(job -> {
            throw new IllegalStateException("the queue restarted empty");
        });
        Conversation conversation = lostJobs.create(user, "Restarted", Optional.empty()).value();
        PostedMessage posted = lostJobs.post(user, conversation.id(), "Add a task to feed the cat",
                Optional.empty()).value();
        String body = JobCodec.encode(new Job.Reply(user, conversation.id(), posted.reply().number()));

        JsonNode resent = invoke(new SweeperHandler(services), sample("sweeper-resend-all", user));
        assertThat(resent.get("requeued").asInt()).isPositive();
        assertThat(resent.get("failed").asInt()).isZero();

        SqsClient sqs = aws.aws().sqs();
        String queue = aws.resources().queue("ChatQueue").url();
        var received = sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1).maxNumberOfMessages(10)).messages();
        for (var other : received.stream().filter(m -> !m.body().equals(body)).toList()) {
            sqs.changeMessageVisibility(c -> c.queueUrl(queue).receiptHandle(other.receiptHandle()).visibilityTimeout(0));
        }
        var job = received.stream().filter(m -> m.body().equals(body)).findFirst().orElseThrow();
        JsonNode response = invoke(new ChatWorkerHandler(services), sqsEvent(job.messageId(), job.receiptHandle(), body, 1));
        assertThat(response.get("batchItemFailures")).isEmpty();
        Message reply = services.conversationStore().message(user, conversation.id(), posted.reply().number()).orElseThrow();
        assertThat(reply.status()).isEqualTo(Message.Status.COMPLETED);
        assertThat(reply.content()).contains("Feed the cat");
    }

    /**
     * A job that fails every time: retried with short delays, marked failed on its last receive,
     * then moved to the dead-letter queue by the queue's own redrive policy.
     */
    @Test
    void aPoisonJobEndsInTheDeadLetterQueueWithAFailedReply(AwsBackend aws) throws Exception {
        Services services = services(aws);
        String user = Tokens.newUser();
        ConversationService conversations = services.conversations(services.jobs());
        Conversation conversation = conversations.create(user, "Poison", Optional.empty()).value();
        PostedMessage posted = conversations.post(user, conversation.id(), "Add a task to buy bread",
                Optional.empty()).value();
        // The message the reply answers disappears: no attempt can ever succeed.
        aws.aws().dynamoDb().deleteItem(d -> d.tableName(aws.tableName()).key(Map.of(
                "pk", AttributeValue.fromS("USER#" + user + "#CONV#" + String.format("%012d", conversation.id())),
                "sk", AttributeValue.fromS("MSG#" + String.format("%012d", posted.message().number())))));
        String body = JobCodec.encode(new Job.Reply(user, conversation.id(), posted.reply().number()));

        SqsClient sqs = aws.aws().sqs();
        String queue = aws.resources().queue("ChatQueue").url();
        String deadLetters = aws.resources().queue("ChatDeadLetterQueue").url();
        ChatWorkerHandler worker = new ChatWorkerHandler(services);
        List<Integer> receives = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        boolean inDeadLetterQueue = false;
        while (!inDeadLetterQueue && System.nanoTime() < deadline) {
            for (var message : sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1).maxNumberOfMessages(10)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages()) {
                if (!message.body().equals(body)) {
                    sqs.changeMessageVisibility(c -> c.queueUrl(queue).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
                    continue;
                }
                int count = Integer.parseInt(message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
                receives.add(count);
                JsonNode response = invoke(worker, sqsEvent(message.messageId(), message.receiptHandle(), body, count));
                assertThat(response.get("batchItemFailures")).hasSize(1);
            }
            inDeadLetterQueue = sqs.receiveMessage(r -> r.queueUrl(deadLetters).maxNumberOfMessages(10)).messages()
                    .stream().anyMatch(m -> m.body().equals(body));
        }
        assertThat(inDeadLetterQueue).isTrue();
        assertThat(receives).containsExactly(1, 2, 3);
        Message reply = services.conversationStore().message(user, conversation.id(), posted.reply().number()).orElseThrow();
        assertThat(reply.status()).isEqualTo(Message.Status.FAILED);
        assertThat(reply.content()).isEqualTo(ReplyTurns.FAILED_REPLY);
    }

    @Test
    void theWorkerGivesUpOnTheReceiveTheQueueRedrivesAfter() {
        Template template = Template.load(RepoFiles.template());
        int redrive = template.queues().stream().filter(q -> q.logicalId().equals("ChatQueue")).findFirst()
                .orElseThrow().maxReceiveCount();
        String configured = template.function("ChatWorkerFunction").environment().get("CHAT_MAX_RECEIVES").toString();
        assertThat(Integer.parseInt(configured)).isEqualTo(redrive);
    }

    private static ObjectNode sqsEvent(String messageId, String receiptHandle, String body, int receiveCount) {
        ObjectNode event = sample("chat-worker-batch", "unused");
        ObjectNode record = (ObjectNode) event.get("Records").get(0);
        record.put("messageId", messageId);
        record.put("receiptHandle", receiptHandle);
        record.put("body", body);
        ((ObjectNode) record.get("attributes")).put("ApproximateReceiveCount", Integer.toString(receiveCount));
        return event;
    }

    private static Services services(AwsBackend aws) {
        return new Services(new Env(FunctionCalls.environment(aws, Map.of("CHAT_RETRY_DELAY_SECONDS", "1"))),
                aws.aws().dynamoDb(), aws.aws()::sqs, Clock.systemUTC());
    }

    private static JsonNode invoke(RequestStreamHandler handler, JsonNode event) {
        return FunctionCalls.invoke((in, out) -> handler.handleRequest(in, out, null), event);
    }
}
