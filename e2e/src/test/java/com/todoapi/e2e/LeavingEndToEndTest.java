package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.local.LocalRuntime;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leaving over HTTP through the local runtime: {@code DELETE /v1/me} answers 202 with the user's API
 * keys already refused, the cleanup worker then removes every item that carries the user's id (the
 * test scans the table to prove it; the product never scans), another user's tasks stay, and the
 * same person signing in afterwards starts from an empty list.
 */
@ExtendWith(LocalRuntimeExtension.class)
class LeavingEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void everyItemOfTheUserGoesTheirKeysAtOnceAndOthersStay(ServiceClient client, LocalRuntime runtime) throws Exception {
        String user = Tokens.newUser();
        String jwt = Tokens.bearer(user);
        String other = Tokens.bearer(Tokens.newUser());
        for (int i = 1; i <= 3; i++) {
            assertThat(client.send("POST", "/v1/tasks", "{\"title\":\"mine " + i + "\"}", "Authorization", jwt,
                    "Idempotency-Key", "leaving-" + i).statusCode()).isEqualTo(201);
        }
        assertThat(client.send("POST", "/v1/tasks", "{\"title\":\"not mine\"}", "Authorization", other).statusCode())
                .isEqualTo(201);
        ChatEndToEndTest.Chat chat = new ChatEndToEndTest.Chat(client, jwt);
        long conversation = chat.start();
        assertThat(chat.say(conversation, "Add a task to buy groceries").at("/reply/status").asText()).isEqualTo("completed");
        long deleted = chat.start();
        chat.say(deleted, "list my tasks");
        assertThat(client.send("DELETE", "/v1/conversations/" + deleted, null, "Authorization", jwt).statusCode())
                .isBetween(202, 204);
        HttpResponse<String> made = client.send("POST", "/v1/api-keys", "{\"name\":\"cli\"}", "Authorization", jwt);
        assertThat(made.statusCode()).isEqualTo(201);
        String key = "Bearer " + JSON.readTree(made.body()).get("key").asText();
        assertThat(client.send("GET", "/v1/tasks", null, "Authorization", key).statusCode()).isEqualTo(200);
        assertThat(itemsOf(runtime, user)).as("the user's items before").hasSizeGreaterThan(10);

        HttpResponse<String> byKey = client.send("DELETE", "/v1/me", null, "Authorization", key);
        assertThat(byKey.statusCode()).as("a key may not delete its owner").isEqualTo(403);
        HttpResponse<String> left = client.send("DELETE", "/v1/me", null, "Authorization", jwt);
        assertThat(left.statusCode()).as(left.body()).isEqualTo(202);
        assertThat(JSON.readTree(left.body()).get("status").asText()).isEqualTo("deleting");
        assertThat(client.send("GET", "/v1/tasks", null, "Authorization", key).statusCode())
                .as("the key, on the request right after the 202").isEqualTo(401);

        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<Map<String, AttributeValue>> left0 = itemsOf(runtime, user);
        while (!left0.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            left0 = itemsOf(runtime, user);
        }
        assertThat(left0).as("items carrying the user's id after the purge").isEmpty();

        JsonNode othersTasks = JSON.readTree(client.send("GET", "/v1/tasks", null, "Authorization", other).body());
        assertThat(othersTasks.get("items")).hasSize(1);
        assertThat(othersTasks.at("/items/0/title").asText()).isEqualTo("not mine");

        HttpResponse<String> again = client.send("GET", "/v1/tasks", null, "Authorization", jwt);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("items")).as("signing in again: an empty list").isEmpty();
        HttpResponse<String> fresh = client.send("POST", "/v1/tasks", "{\"title\":\"a fresh start\"}", "Authorization", jwt);
        assertThat(JSON.readTree(fresh.body()).get("id").asLong()).as("numbers start again").isEqualTo(1);
        assertThat(JSON.readTree(client.send("GET", "/v1/conversations", null, "Authorization", jwt).body()).get("items"))
                .isEmpty();
        assertThat(JSON.readTree(client.send("GET", "/v1/api-keys", null, "Authorization", jwt).body()).get("items"))
                .isEmpty();
    }

    /** Every item whose keys or attributes name the user: the test scans; the product never does. */
    private static List<Map<String, AttributeValue>> itemsOf(LocalRuntime runtime, String user) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        runtime.aws().dynamoDb().scanPaginator(scan -> scan.tableName(runtime.resources().tableName("TodoTable"))
                .consistentRead(true)).items().forEach(item -> {
                    if (item.toString().contains(user)) {
                        found.add(item);
                    }
                });
        return found;
    }
}
