package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behaviours the other suites did not reach, found by the deploy proof's least-privilege report
 * ({@code ./dev iam-check}): each is something a person can do, and each makes a call that a
 * function's IAM role must allow (docs/deploy.md, "The deploy proof").
 */
@ExtendWith(LocalRuntimeExtension.class)
@Tag(E2e.PER_REQUEST)
class LessTravelledPathsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tasksListedByStatus(ServiceClient client) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        for (String title : List.of("Call mom", "Pay bills")) {
            assertThat(client.send("POST", "/v1/tasks", "{\"title\":\"" + title + "\"}", "Authorization", auth).statusCode())
                    .isEqualTo(201);
        }
        assertThat(client.send("PATCH", "/v1/tasks/2", "{\"completed\":true}", "Authorization", auth).statusCode())
                .isEqualTo(200);

        assertThat(titles(client.send("GET", "/v1/tasks?status=pending", null, "Authorization", auth))).containsExactly("Call mom");
        assertThat(titles(client.send("GET", "/v1/tasks?status=completed", null, "Authorization", auth))).containsExactly("Pay bills");
    }

    @Test
    void aSmallConversationIsDeletedAtOnce(ServiceClient client) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        assertThat(client.send("POST", "/v1/conversations", null, "Authorization", auth).statusCode()).isEqualTo(201);
        HttpResponse<String> posted = client.send("POST", "/v1/conversations/1/messages", "{\"content\":\"Show me all my tasks\"}",
                "Authorization", auth, "Prefer", "wait=20");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

        HttpResponse<String> deleted = client.send("DELETE", "/v1/conversations/1", null, "Authorization", auth);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(client.send("GET", "/v1/conversations/1", null, "Authorization", auth).statusCode()).isEqualTo(404);
        assertThat(client.send("GET", "/v1/conversations/1/messages", null, "Authorization", auth).statusCode()).isEqualTo(404);
    }

    @Test
    void aPostThatFailsLeavesItsIdempotencyKeyFreeForARetry(ServiceClient client) {
        String auth = Tokens.bearer(Tokens.newUser());
        String key = UUID.randomUUID().toString();
        for (int attempt = 1; attempt <= 2; attempt++) {
            HttpResponse<String> missing = client.send("POST", "/v1/conversations/7/messages", "{\"content\":\"Hello\"}",
                    "Authorization", auth, "Idempotency-Key", key);
            assertThat(missing.statusCode()).as("attempt %d: %s", attempt, missing.body()).isEqualTo(404);
        }
        // Once the conversation exists, the same key and body go through: the failed claim was released.
        assertThat(client.send("POST", "/v1/conversations", null, "Authorization", auth).statusCode()).isEqualTo(201);
        for (int conversation = 2; conversation <= 7; conversation++) {
            assertThat(client.send("POST", "/v1/conversations", null, "Authorization", auth).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> accepted = client.send("POST", "/v1/conversations/7/messages", "{\"content\":\"Hello\"}",
                "Authorization", auth, "Idempotency-Key", key);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }

    @Test
    void theCompatibleChatRouteReleasesAKeyWhoseConversationIsMissing(ServiceClient client) {
        String user = Tokens.newUser();
        String key = UUID.randomUUID().toString();
        for (int attempt = 1; attempt <= 2; attempt++) {
            HttpResponse<String> missing = client.send("POST", "/api/" + user + "/chat",
                    "{\"conversation_id\":5,\"message\":\"What's pending?\"}",
                    "Authorization", Tokens.bearer(user), "Idempotency-Key", key);
            assertThat(missing.statusCode()).as("attempt %d: %s", attempt, missing.body()).isEqualTo(404);
        }
    }

    @Test
    void theAssistantAskedToCompleteAMissingTaskSaysSo(ServiceClient client) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        assertThat(client.send("POST", "/v1/conversations", null, "Authorization", auth).statusCode()).isEqualTo(201);
        HttpResponse<String> posted = client.send("POST", "/v1/conversations/1/messages",
                "{\"content\":\"Mark task 42 as complete\"}", "Authorization", auth, "Prefer", "wait=20");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        JsonNode reply = JSON.readTree(posted.body()).get("reply");
        assertThat(reply.get("status").asText()).isEqualTo("completed");
        assertThat(reply.get("content").asText()).contains("42");
        assertThat(reply.at("/tool_calls/0/tool").asText()).isEqualTo("complete_task");
    }

    private static List<String> titles(HttpResponse<String> page) throws Exception {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        JSON.readTree(page.body()).get("items").forEach(task -> titles.add(task.get("title").asText()));
        return titles;
    }
}
