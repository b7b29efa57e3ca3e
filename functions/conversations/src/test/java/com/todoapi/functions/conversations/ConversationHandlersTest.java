package com.todoapi.functions.conversations;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.config.Env;
import com.todoapi.queue.Job;
import com.todoapi.queue.JobCodec;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.FunctionCalls;
import com.todoapi.testing.Tokens;
import com.todoapi.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.todoapi.testing.FunctionCalls.body;
import static com.todoapi.testing.FunctionCalls.sample;
import static com.todoapi.testing.FunctionCalls.status;
import static org.assertj.core.api.Assertions.assertThat;

/** The conversation handlers in-process on DynamoDB Local and ElasticMQ, fed the sample events and variants of them. */
@ExtendWith(AwsBackendExtension.class)
class ConversationHandlersTest {

    @Test
    void theSampleEventsRunInOrderWithTheirLocalToken(AwsBackend aws) {
        Services services = services(aws);
        String user = Tokens.newUser();

        JsonNode created = invoke(new CreateConversationHandler(services), sample("conversations-create", user));
        assertThat(status(created)).isEqualTo(201);
        assertThat(created.at("/headers/location").asText()).isEqualTo("/v1/conversations/1");
        assertThat(body(created).get("title").asText()).isEqualTo("Weekend plans");
        assertThat(body(created).get("last_message_at").isNull()).isTrue();
        assertThat(status(invoke(new ListConversationsHandler(services), sample("conversations-list", user)))).isEqualTo(200);
        assertThat(status(invoke(new GetConversationHandler(services), sample("conversations-get", user)))).isEqualTo(200);

        JsonNode posted = invoke(new PostMessageHandler(services), sample("messages-post", user));
        assertThat(status(posted)).isEqualTo(202);
        assertThat(posted.at("/headers/location").asText()).isEqualTo("/v1/conversations/1/messages");
        assertThat(body(posted).at("/message/role").asText()).isEqualTo("user");
        assertThat(body(posted).at("/message/content").asText()).isEqualTo("Add a task to buy groceries");
        assertThat(body(posted).at("/reply/status").asText()).isEqualTo("pending");
        assertThat(answerQueuedJobs(aws, services)).isGreaterThanOrEqualTo(1);

        JsonNode messages = invoke(new ListMessagesHandler(services), sample("messages-list", user));
        assertThat(status(messages)).isEqualTo(200);
        assertThat(body(messages).at("/items/1/status").asText()).isEqualTo("completed");
        assertThat(body(messages).at("/items/1/tool_calls/0/tool").asText()).isEqualTo("add_task");

        assertThat(status(invoke(new DeleteConversationHandler(services), sample("conversations-delete", user)))).isEqualTo(204);
        assertThat(status(invoke(new GetConversationHandler(services), sample("conversations-get", user)))).isEqualTo(404);
    }

    @Test
    void theCompatibilityRouteAnswersInItsDocumentedShape(AwsBackend aws) throws Exception {
        Services services = services(aws);
        String user = Tokens.newUser();
        CompatibleChatHandler chat = new CompatibleChatHandler(services);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread worker = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                answerQueuedJobs(aws, services);
            }
        });
        try {
            JsonNode first = invoke(chat, compat(user, user, "{\"message\":\"Add a task to call mom\"}"));
            assertThat(status(first)).isEqualTo(200);
            JsonNode answer = body(first);
            assertThat(answer.get("conversation_id").asLong()).isEqualTo(1);
            assertThat(answer.get("response").asText()).contains("Call mom");
            assertThat(answer.at("/tool_calls/0/tool").asText()).isEqualTo("add_task");
            assertThat(answer.at("/tool_calls/0/result/task_id").asLong()).isEqualTo(1);

            JsonNode second = invoke(chat, compat(user, user, "{\"conversation_id\":1,\"message\":\"What did I just add?\"}"));
            assertThat(status(second)).isEqualTo(200);
            assertThat(body(second).get("response").asText()).contains("Call mom");
            assertThat(body(second).get("conversation_id").asLong()).isEqualTo(1);

            // What chat front ends send: null for "start one", and fields of their own, ignored.
            JsonNode lenient = invoke(chat, compat(user, user,
                    "{\"conversation_id\":null,\"message\":\"Show me all my tasks\",\"user_id\":\"" + user + "\"}"));
            assertThat(status(lenient)).isEqualTo(200);
            assertThat(body(lenient).get("conversation_id").asLong()).isEqualTo(2);
            assertThat(body(lenient).get("response").asText()).contains("Call mom");
        } finally {
            running.set(false);
            worker.join();
        }
        JsonNode forbidden = invoke(chat, compat(user, "someone-else", "{\"message\":\"hi\"}"));
        assertThat(status(forbidden)).isEqualTo(403);
        assertThat(body(forbidden).at("/error/code").asText()).isEqualTo("forbidden");
        assertThat(status(invoke(chat, compat(user, user, "{\"conversation_id\":99,\"message\":\"hi\"}")))).isEqualTo(404);
        assertThat(status(invoke(chat, compat(user, user, "{\"message\":\"   \"}")))).isEqualTo(400);
        assertThat(status(invoke(chat, compat(user, user, "{\"conversation_id\":\"1\",\"message\":\"hi\"}")))).isEqualTo(400);
        assertThat(status(invoke(chat, compat(user, user, "{\"conversation_id\":0,\"message\":\"hi\"}")))).isEqualTo(400);
    }

    @Test
    void badMessagesAreRefusedInTheErrorShapeAndStoreNothing(AwsBackend aws) {
        Services services = services(aws);
        String user = Tokens.newUser();
        invoke(new CreateConversationHandler(services), sample("conversations-create", user));
        PostMessageHandler post = new PostMessageHandler(services);
        for (String bad : new String[]{"{\"content\":\"\"}", "{\"content\":\"" + "x".repeat(4001) + "\"}",
                "{\"content\":7}", "{}", "[]", "{\"content\":\"hi\",\"role\":\"assistant\"}"}) {
            ObjectNode event = sample("messages-post", user);
            event.put("body", bad);
            JsonNode refused = invoke(post, event);
            assertThat(status(refused)).as(bad).isEqualTo(400);
            assertThat(body(refused).at("/error/code").asText()).isEqualTo("invalid_request");
        }
        JsonNode messages = invoke(new ListMessagesHandler(services), sample("messages-list", user));
        assertThat(body(messages).get("items")).isEmpty();
        ObjectNode forged = sample("messages-list", user);
        forged.put("rawQueryString", "cursor=AAAA");
        forged.set("queryStringParameters", forged.objectNode().put("cursor", "AAAA"));
        assertThat(status(invoke(new ListMessagesHandler(services), forged))).isEqualTo(400);
    }

    private static ObjectNode compat(String tokenUser, String pathUser, String body) {
        ObjectNode event = sample("chat-compatible", tokenUser);
        event.put("rawPath", "/api/" + pathUser + "/chat");
        ((ObjectNode) event.get("pathParameters")).put("user_id", pathUser);
        event.put("body", body);
        return event;
    }

    /** Stands in for the chat worker: answers the jobs on the queue, as the worker function would. */
    private static int answerQueuedJobs(AwsBackend aws, Services services) {
        SqsClient sqs = aws.aws().sqs();
        String url = aws.resources().queue("ChatQueue").url();
        int answered = 0;
        for (Message message : sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1).maxNumberOfMessages(10)).messages()) {
            services.replyTurns().answer((Job.Reply) JobCodec.decode(message.body()));
            sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(message.receiptHandle()));
            answered++;
        }
        return answered;
    }

    private static Services services(AwsBackend aws) {
        return new Services(new Env(FunctionCalls.environment(aws, Map.of())), aws.aws().dynamoDb(), aws.aws()::sqs,
                Clock.systemUTC());
    }

    private static JsonNode invoke(RequestStreamHandler handler, JsonNode event) {
        return FunctionCalls.invoke((in, out) -> handler.handleRequest(in, out, null), event);
    }
}
