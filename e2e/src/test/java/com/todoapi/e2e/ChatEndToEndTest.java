package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalRuntime;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.RepoFiles;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversations and the assistant over HTTP through the local runtime, with its real queue workers. */
@ExtendWith(LocalRuntimeExtension.class)
class ChatEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The issue's conversation: each message answered once, from the stored history, acting on the tasks. */
    @Test
    void aConversationAddsRemembersAndCompletesATask(ServiceClient client) throws Exception {
        Chat chat = new Chat(client, Tokens.bearer(Tokens.newUser()));
        long conversation = chat.start();

        JsonNode added = chat.say(conversation, "Add a task to buy groceries");
        assertThat(added.at("/reply/status").asText()).isEqualTo("completed");
        assertThat(added.at("/reply/content").asText()).contains("Buy groceries");
        assertThat(added.at("/reply/tool_calls/0/tool").asText()).isEqualTo("add_task");
        assertThat(added.at("/reply/tool_calls/0/result/task_id").asLong()).isEqualTo(1);
        assertThat(chat.get("/v1/tasks/1").get("title").asText()).isEqualTo("Buy groceries");

        assertThat(chat.say(conversation, "What did I just add?").at("/reply/content").asText()).contains("Buy groceries");

        JsonNode completed = chat.say(conversation, "Mark task 1 as complete");
        assertThat(completed.at("/reply/tool_calls/0/tool").asText()).isEqualTo("complete_task");
        assertThat(chat.get("/v1/tasks/1").get("completed").asBoolean()).isTrue();

        assertEveryMessageHasExactlyOneCompletedReply(chat.messages(conversation), 3);
        JsonNode listed = chat.get("/v1/conversations");
        assertThat(listed.at("/items/0/id").asLong()).isEqualTo(conversation);
        assertThat(listed.at("/items/0/last_message_at").isTextual()).isTrue();
    }

    @Test
    void withoutWaitingTheRouteAnswers202AndTheReplyFollows(ServiceClient client) throws Exception {
        Chat chat = new Chat(client, Tokens.bearer(Tokens.newUser()));
        long conversation = chat.start();
        HttpResponse<String> accepted = client.send("POST", "/v1/conversations/" + conversation + "/messages",
                "{\"content\":\"Show me all my tasks\"}", "Authorization", chat.auth, "Idempotency-Key", "k-1");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("location")).hasValue("/v1/conversations/" + conversation + "/messages");
        JsonNode body = JSON.readTree(accepted.body());
        assertThat(body.at("/message/id").asText()).isEqualTo("1");
        assertThat(body.at("/reply/id").asText()).isEqualTo("2");
        assertThat(body.at("/reply/status").asText()).isEqualTo("pending");

        HttpResponse<String> retried = client.send("POST", "/v1/conversations/" + conversation + "/messages",
                "{\"content\":\"Show me all my tasks\"}", "Authorization", chat.auth, "Idempotency-Key", "k-1");
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(retried.body()).get("message")).isEqualTo(body.get("message"));

        JsonNode messages = chat.awaitSettled(conversation, 2);
        assertThat(messages.at("/items/1/status").asText()).isEqualTo("completed");
        assertThat(messages.at("/items/1/tool_calls/0/tool").asText()).isEqualTo("list_tasks");
        assertEveryMessageHasExactlyOneCompletedReply(messages, 1);
    }

    @Tag(E2e.PER_REQUEST)
    @Test
    void theCompatibilityRouteSpeaksItsOwnContract(ServiceClient client) throws Exception {
        String user = Tokens.newUser();
        String auth = Tokens.bearer(user);
        HttpResponse<String> first = client.send("POST", "/api/" + user + "/chat",
                "{\"message\":\"I need to remember to pay bills\"}", "Authorization", auth);
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(first.body());
        assertThat(answer.get("conversation_id").asLong()).isEqualTo(1);
        assertThat(answer.get("response").asText()).contains("Pay bills");
        assertThat(answer.at("/tool_calls/0/args/title").asText()).isEqualTo("Pay bills");

        HttpResponse<String> next = client.send("POST", "/api/" + user + "/chat",
                "{\"conversation_id\":1,\"message\":\"Show me all my tasks\"}", "Authorization", auth);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(next.body()).get("response").asText()).contains("Pay bills");

        assertThat(client.send("POST", "/api/someone-else/chat", "{\"message\":\"hi\"}", "Authorization", auth)
                .statusCode()).isEqualTo(403);
        assertThat(client.send("POST", "/api/" + user + "/chat", "{\"conversation_id\":42,\"message\":\"hi\"}",
                "Authorization", auth).statusCode()).isEqualTo(404);
        assertThat(client.send("POST", "/api/" + user + "/chat", "{\"message\":\" \\n \"}", "Authorization", auth)
                .statusCode()).isEqualTo(400);
    }

    /** What chat front ends send: {@code conversation_id: null} for a new conversation, and fields of their own. */
    @Tag(E2e.PER_REQUEST)
    @Test
    void theCompatibilityRouteAcceptsWhatFrontEndsSend(ServiceClient client) throws Exception {
        String user = Tokens.newUser();
        String auth = Tokens.bearer(user);
        HttpResponse<String> started = client.send("POST", "/api/" + user + "/chat",
                "{\"conversation_id\":null,\"message\":\"Add a task to water the plants\",\"user_id\":\"" + user + "\"}",
                "Authorization", auth);
        assertThat(started.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(started.body());
        assertThat(answer.get("conversation_id").asLong()).isEqualTo(1);
        assertThat(answer.at("/tool_calls/0/args/title").asText()).isEqualTo("Water the plants");

        HttpResponse<String> again = client.send("POST", "/api/" + user + "/chat",
                "{\"conversation_id\":null,\"message\":\"What's pending?\",\"history\":[]}", "Authorization", auth);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("conversation_id").asLong()).isEqualTo(2);
        assertThat(JSON.readTree(again.body()).get("response").asText()).contains("Water the plants");

        assertThat(client.send("POST", "/api/" + user + "/chat", "{\"conversation_id\":\"1\",\"message\":\"hi\"}",
                "Authorization", auth).statusCode()).isEqualTo(400);
    }

    /** A job that can never succeed: retried, then a failed reply the person can read, and the job in the DLQ. */
    @Tag(E2e.PER_REQUEST)
    @Test
    void aPoisonJobEndsInTheDeadLetterQueueWithAFailedReply(LocalRuntime runtime, ServiceClient client) throws Exception {
        String user = Tokens.newUser();
        Chat chat = new Chat(client, Tokens.bearer(user));
        long conversation = chat.start();
        chat.say(conversation, "Add a task to bake bread");
        // Make the answered turn unanswerable: its message gone, its reply pending again, its job sent again.
        String partition = "USER#" + user + "#CONV#" + String.format("%012d", conversation);
        var dynamoDb = runtime.aws().dynamoDb();
        String table = runtime.resources().tableName("TodoTable");
        dynamoDb.deleteItem(d -> d.tableName(table).key(Map.of("pk", AttributeValue.fromS(partition),
                "sk", AttributeValue.fromS("MSG#000000000001"))));
        dynamoDb.updateItem(u -> u.tableName(table).key(Map.of("pk", AttributeValue.fromS(partition),
                        "sk", AttributeValue.fromS("MSG#000000000002")))
                .updateExpression("SET #status = :pending")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS("pending"))));
        String job = "{\"type\":\"reply\",\"user_id\":\"" + user + "\",\"conversation_id\":" + conversation
                + ",\"reply_number\":2}";
        var sqs = runtime.aws().sqs();
        sqs.sendMessage(s -> s.queueUrl(runtime.resources().queue("ChatQueue").url()).messageBody(job));

        JsonNode messages = chat.awaitSettled(conversation, 1);
        assertThat(messages.at("/items/0/status").asText()).isEqualTo("failed");
        assertThat(messages.at("/items/0/content").asText()).contains("couldn't answer");

        String deadLetters = runtime.resources().queue("ChatDeadLetterQueue").url();
        boolean found = false;
        for (int i = 0; i < 30 && !found; i++) {
            found = sqs.receiveMessage(r -> r.queueUrl(deadLetters).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages().stream().anyMatch(m -> m.body().equals(job));
        }
        assertThat(found).as("the job is in the dead-letter queue").isTrue();
    }

    @Tag(E2e.VOLUME)
    @Test
    void aLargeConversationIsGoneAtOnceAndPurgedInTheBackground(LocalRuntime runtime, ServiceClient client) throws Exception {
        String user = Tokens.newUser();
        Chat chat = new Chat(client, Tokens.bearer(user));
        long conversation = chat.start();
        for (int i = 0; i < 13; i++) {
            assertThat(client.send("POST", "/v1/conversations/" + conversation + "/messages",
                    "{\"content\":\"hello " + i + "\"}", "Authorization", chat.auth).statusCode()).isEqualTo(202);
        }
        chat.awaitSettled(conversation, 26);
        HttpResponse<String> deleted = client.send("DELETE", "/v1/conversations/" + conversation, null,
                "Authorization", chat.auth);
        assertThat(deleted.statusCode()).isEqualTo(202);
        assertThat(client.send("GET", "/v1/conversations/" + conversation, null, "Authorization", chat.auth)
                .statusCode()).isEqualTo(404);
        assertThat(client.send("GET", "/v1/conversations/" + conversation + "/messages", null,
                "Authorization", chat.auth).statusCode()).isEqualTo(404);

        String partition = "USER#" + user + "#CONV#" + String.format("%012d", conversation);
        String table = runtime.resources().tableName("TodoTable");
        int left = -1;
        for (int i = 0; i < 60 && left != 0; i++) {
            left = runtime.aws().dynamoDb().query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))).count();
            if (left != 0) {
                Thread.sleep(500);
            }
        }
        assertThat(left).as("items left of the deleted conversation").isZero();
    }

    /** Stop the run command and start it again on the same data: the conversation and its memory are there. */
    @Tag(E2e.OWN_RUNTIME)
    @Test
    void theConversationAndTheAssistantsMemorySurviveARestart(@TempDir Path data) throws Exception {
        String user = Tokens.newUser();
        long conversation;
        LocalRuntimeExtension.Prepared setup = ownRuntimeSetup();
        try (AutoCloseable beside = setup.beside()) {
            try (LocalRuntime first = start(setup.config(), data)) {
                Chat chat = new Chat(new ServiceClient(first.url()), Tokens.bearer(user));
                conversation = chat.start();
                chat.say(conversation, "Add a task to renew my passport");
            }
            try (LocalRuntime second = start(setup.config(), data)) {
                Chat chat = new Chat(new ServiceClient(second.url()), Tokens.bearer(user));
                assertThat(chat.say(conversation, "What did I just add?").at("/reply/content").asText())
                        .contains("Renew my passport");
                assertEveryMessageHasExactlyOneCompletedReply(chat.messages(conversation), 2);
            }
        }
    }

    /** The configuration of the runtimes a test starts itself: the local one, with the built-in assistant. */
    LocalRuntimeExtension.Prepared ownRuntimeSetup() {
        return new LocalRuntimeExtension.Prepared(LocalConfig.read(RepoFiles.localConfig()), () -> { });
    }

    private static LocalRuntime start(LocalConfig config, Path data) {
        return LocalRuntime.start(LocalRuntimeExtension.recorded(new LocalRuntime.Options(RepoFiles.template(), config,
                0, 0, 0, data, 2, Boolean.getBoolean(LocalRuntimeExtension.FRESH_PROCESS_PROPERTY), false,
                line -> System.out.println("[restart] " + line))));
    }

    private static void assertEveryMessageHasExactlyOneCompletedReply(JsonNode messages, int userMessages) {
        List<String> roles = new ArrayList<>();
        messages.get("items").forEach(m -> roles.add(m.get("role").asText() + ":" + m.get("status").asText()));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < userMessages; i++) {
            expected.add("user:completed");
            expected.add("assistant:completed");
        }
        assertThat(roles).isEqualTo(expected);
    }

    /** A person chatting: starts a conversation, says things and waits for the answers. */
    record Chat(ServiceClient client, String auth) {
        long start() throws Exception {
            HttpResponse<String> created = client.send("POST", "/v1/conversations", "{}", "Authorization", auth);
            assertThat(created.statusCode()).isEqualTo(201);
            return JSON.readTree(created.body()).get("id").asLong();
        }

        JsonNode say(long conversation, String content) throws Exception {
            HttpResponse<String> answered = client.send("POST", "/v1/conversations/" + conversation + "/messages",
                    JSON.writeValueAsString(Map.of("content", content)), "Authorization", auth, "Prefer", "wait=20");
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
            assertThat(answered.headers().firstValue("preference-applied")).hasValue("wait=20");
            return JSON.readTree(answered.body());
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> response = client.send("GET", path, null, "Authorization", auth);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        JsonNode messages(long conversation) throws Exception {
            return get("/v1/conversations/" + conversation + "/messages?limit=100");
        }

        /** The messages once none is pending, at least {@code count} of them. */
        JsonNode awaitSettled(long conversation, int count) throws Exception {
            for (int i = 0; i < 120; i++) {
                JsonNode messages = messages(conversation);
                boolean pending = false;
                for (JsonNode m : messages.get("items")) {
                    pending |= m.get("status").asText().equals("pending");
                }
                if (!pending && messages.get("items").size() >= count) {
                    return messages;
                }
                Thread.sleep(250);
            }
            throw new AssertionError("replies still pending after 30 s");
        }
    }
}
