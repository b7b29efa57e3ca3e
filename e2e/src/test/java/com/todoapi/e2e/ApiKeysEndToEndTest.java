package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.apikeys.ApiKeyFormat;
import com.todoapi.local.LocalRuntime;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal API keys over HTTP through the local runtime: made with a JWT, shown once, accepted on
 * REST and MCP as the owner, limited by their scopes, refused the moment they are revoked or
 * expire (in the fresh-process run, by a function process that never saw the key before), and
 * never stored as text.
 */
@ExtendWith(LocalRuntimeExtension.class)
class ApiKeysEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODERN = "2026-07-28";
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    @Test
    void aKeyIsShownOnceWorksAsItsOwnerAndIsRefusedOnTheRequestAfterItsRevocation(ServiceClient client) throws Exception {
        String user = Tokens.newUser();
        String jwt = Tokens.bearer(user);
        HttpResponse<String> made = client.send("POST", "/v1/api-keys", "{\"name\":\"  Laptop CLI \"}", "Authorization", jwt);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(made.body());
        String key = created.get("key").asText();
        assertThat(key).matches(ApiKeyFormat.SCANNER_REGEX).startsWith(created.get("prefix").asText());
        assertThat(created.get("name").asText()).isEqualTo("Laptop CLI");
        assertThat(created.get("scopes")).hasToString("[\"read\",\"write\"]");
        assertThat(created.get("expires_at").isNull()).isTrue();
        String bearer = "Bearer " + key;

        HttpResponse<String> task = client.send("POST", "/v1/tasks", "{\"title\":\"Made with a key\"}", "Authorization", bearer);
        assertThat(task.statusCode()).isEqualTo(201);
        assertThat(client.send("GET", "/v1/tasks", null, "Authorization", jwt).body()).as("the owner's own list")
                .contains("Made with a key");

        JsonNode listed = JSON.readTree(client.send("GET", "/v1/api-keys", null, "Authorization", jwt).body());
        assertThat(listed.get("items")).hasSize(1);
        JsonNode shown = listed.at("/items/0");
        assertThat(shown.get("id").asLong()).isEqualTo(created.get("id").asLong());
        assertThat(shown.has("key")).isFalse();
        assertThat(shown.get("last_used_at").asText()).as("the use was recorded").isNotEmpty();
        assertThat(listed.toString()).doesNotContain(key.substring(8)).doesNotContain(ApiKeyFormat.digest(key));

        assertThat(client.send("DELETE", "/v1/api-keys/" + created.get("id").asLong(), null, "Authorization", jwt)
                .statusCode()).isEqualTo(204);
        HttpResponse<String> refused = client.send("GET", "/v1/tasks", null, "Authorization", bearer);
        assertThat(refused.statusCode()).as("the request right after the revocation").isEqualTo(401);
        assertThat(refused.headers().firstValue("www-authenticate")).hasValue(INVALID_TOKEN);
        assertThat(client.send("POST", "/mcp", request("tools/list", "{}"), mcpHeaders(bearer, "tools/list", null))
                .statusCode()).as("MCP right after the revocation").isEqualTo(401);
        assertThat(client.send("DELETE", "/v1/api-keys/" + created.get("id").asLong(), null, "Authorization", jwt)
                .statusCode()).as("revoked twice").isEqualTo(404);
    }

    @Test
    void aKeyCannotManageKeys(ServiceClient client) throws Exception {
        String jwt = Tokens.bearer(Tokens.newUser());
        String bearer = "Bearer " + newKey(client, jwt, "{\"name\":\"full\"}").get("key").asText();
        for (HttpResponse<String> response : List.of(
                client.send("POST", "/v1/api-keys", "{\"name\":\"minted by a key\"}", "Authorization", bearer),
                client.send("GET", "/v1/api-keys", null, "Authorization", bearer),
                client.send("DELETE", "/v1/api-keys/1", null, "Authorization", bearer))) {
            assertThat(response.statusCode()).as(response.request().method() + " " + response.uri()).isEqualTo(403);
            assertThat(JSON.readTree(response.body()).at("/error/code").asText()).isEqualTo("forbidden");
            assertThat(JSON.readTree(response.body()).at("/error/message").asText()).contains("API keys cannot manage API keys");
        }
        JsonNode listed = JSON.readTree(client.send("GET", "/v1/api-keys", null, "Authorization", jwt).body());
        assertThat(listed.get("items")).as("still one key, not revoked").hasSize(1);
    }

    @Test
    void aReadKeyReadsButCannotWriteOnRestMcpOrChat(ServiceClient client) throws Exception {
        String user = Tokens.newUser();
        String jwt = Tokens.bearer(user);
        assertThat(client.send("POST", "/v1/tasks", "{\"title\":\"Existing\"}", "Authorization", jwt).statusCode()).isEqualTo(201);
        assertThat(client.send("POST", "/v1/conversations", "{}", "Authorization", jwt).statusCode()).isEqualTo(201);
        String bearer = "Bearer " + newKey(client, jwt, "{\"name\":\"reader\",\"scopes\":[\"read\"]}").get("key").asText();

        assertThat(client.send("GET", "/v1/tasks", null, "Authorization", bearer).statusCode()).isEqualTo(200);
        assertThat(client.send("GET", "/v1/tasks/1", null, "Authorization", bearer).statusCode()).isEqualTo(200);
        assertThat(client.send("GET", "/v1/conversations/1/messages", null, "Authorization", bearer).statusCode()).isEqualTo(200);
        List<HttpResponse<String>> refused = List.of(
                client.send("POST", "/v1/tasks", "{\"title\":\"Not allowed\"}", "Authorization", bearer),
                client.send("PATCH", "/v1/tasks/1", "{\"completed\":true}", "Authorization", bearer),
                client.send("DELETE", "/v1/tasks/1", null, "Authorization", bearer),
                client.send("POST", "/v1/conversations", "{}", "Authorization", bearer),
                client.send("DELETE", "/v1/conversations/1", null, "Authorization", bearer),
                client.send("POST", "/v1/conversations/1/messages", "{\"content\":\"Add a task to buy milk\"}",
                        "Authorization", bearer),
                client.send("POST", "/api/" + user + "/chat", "{\"message\":\"Add a task to buy milk\"}",
                        "Authorization", bearer));
        for (HttpResponse<String> response : refused) {
            String what = response.request().method() + " " + response.uri().getPath();
            assertThat(response.statusCode()).as(what).isEqualTo(403);
            assertThat(response.headers().firstValue("www-authenticate")).as(what)
                    .hasValue("Bearer error=\"insufficient_scope\", scope=\"write\"");
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("forbidden");
            assertThat(error.get("message").asText()).as(what).contains("\"write\" scope");
            assertThat(response.headers().firstValue("ratelimit-remaining")).as(what).isPresent();
        }

        HttpResponse<String> list = client.send("POST", "/mcp", request("tools/call", "{\"name\":\"list_tasks\",\"arguments\":{}}"),
                mcpHeaders(bearer, "tools/call", "list_tasks"));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).at("/result/structuredContent/items/0/title").asText()).isEqualTo("Existing");
        for (String tool : List.of("add_task", "complete_task", "delete_task", "update_task")) {
            String args = tool.equals("add_task") ? "{\"title\":\"Not allowed\"}" : "{\"task_id\":1,\"title\":\"x\"}";
            HttpResponse<String> call = client.send("POST", "/mcp",
                    request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + args + "}"),
                    mcpHeaders(bearer, "tools/call", tool));
            assertThat(call.statusCode()).as(tool).isEqualTo(403);
            JsonNode error = JSON.readTree(call.body()).get("error");
            assertThat(error.get("code").asInt()).isEqualTo(-31403);
            assertThat(error.at("/data/required_scope").asText()).isEqualTo("write");
            assertThat(error.get("message").asText()).contains("\"write\" scope");
            assertThat(call.headers().firstValue("www-authenticate").orElseThrow())
                    .startsWith("Bearer error=\"insufficient_scope\", scope=\"write\", resource_metadata=\"");
        }

        JsonNode tasks = JSON.readTree(client.send("GET", "/v1/tasks", null, "Authorization", jwt).body());
        assertThat(tasks.get("items")).as("nothing was written").hasSize(1);
        assertThat(tasks.at("/items/0/completed").asBoolean()).isFalse();
        assertThat(JSON.readTree(client.send("GET", "/v1/conversations", null, "Authorization", jwt).body()).get("items"))
                .hasSize(1);
        assertThat(JSON.readTree(client.send("GET", "/v1/conversations/1/messages", null, "Authorization", jwt).body())
                .get("items")).as("no message was posted").isEmpty();
    }

    @Tag(E2e.PER_REQUEST)
    @Test
    void unknownMistypedMalformedAndExpiredKeysAre401AndTheRateLimitIsTheOwners(ServiceClient client, LocalRuntime runtime)
            throws Exception {
        String user = Tokens.newUser();
        String jwt = Tokens.bearer(user);
        String key = newKey(client, jwt, "{\"name\":\"soon expired\",\"expires_in_days\":1}").get("key").asText();
        assertThat(client.send("GET", "/v1/tasks", null, "Authorization", "Bearer " + key).statusCode()).isEqualTo(200);

        int before = remaining(client.send("GET", "/v1/tasks", null, "Authorization", jwt));
        int withKey = remaining(client.send("GET", "/v1/tasks", null, "Authorization", "Bearer " + key));
        int after = remaining(client.send("GET", "/v1/tasks", null, "Authorization", jwt));
        assertThat(List.of(before, withKey, after)).as("one window for the owner and the key")
                .containsExactly(before, before - 1, before - 2);

        char last = key.charAt(key.length() - 1);
        List<String> bad = List.of(
                ApiKeyFormat.generate(new SecureRandom()),                              // well-formed, never issued
                key.substring(0, key.length() - 1) + (last == 'a' ? 'b' : 'a'),         // checksum fails
                key.substring(0, 12) + (key.charAt(12) == 'a' ? 'b' : 'a') + key.substring(13), // a typo
                key + "0", "tdk_", "tdk_" + "!".repeat(36));                            // malformed
        for (String token : bad) {
            for (String path : List.of("/v1/tasks", "/v1/conversations")) {
                HttpResponse<String> response = client.send("GET", path, null, "Authorization", "Bearer " + token);
                assertThat(response.statusCode()).as(token).isEqualTo(401);
                assertThat(response.headers().firstValue("www-authenticate")).hasValue(INVALID_TOKEN);
                assertThat(response.body()).doesNotContain(token);
            }
        }

        // Expired: the key's item says so (DynamoDB Local never runs TTL, so the check is the code's own).
        DynamoDbClient dynamoDb = runtime.aws().dynamoDb();
        dynamoDb.updateItem(update -> update.tableName(runtime.resources().tableName("TodoTable"))
                .key(Map.of("pk", AttributeValue.fromS("APIKEY#" + ApiKeyFormat.digest(key)), "sk", AttributeValue.fromS("KEY")))
                .updateExpression("SET expires_at = :past")
                .expressionAttributeValues(Map.of(":past", AttributeValue.fromN(Long.toString(Instant.now().getEpochSecond() - 1)))));
        HttpResponse<String> expired = client.send("GET", "/v1/tasks", null, "Authorization", "Bearer " + key);
        assertThat(expired.statusCode()).as("expired").isEqualTo(401);
        assertThat(expired.headers().firstValue("www-authenticate")).hasValue(INVALID_TOKEN);
    }

    @Tag(E2e.PER_REQUEST)
    @Test
    void badNamesScopesAndExpiriesAre400AndNothingIsWritten(ServiceClient client) throws Exception {
        String jwt = Tokens.bearer(Tokens.newUser());
        List<String> bodies = List.of("{}", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":\"" + "n".repeat(101) + "\"}",
                "{\"name\":\"line\\nbreak\"}", "{\"name\":\"evil\\u202Eexe.txt\"}", "{\"name\":\"\\u200B\"}",
                "{\"name\":\"\\ud800\"}", "{\"name\":7}", "{\"name\":\"ok\",\"scopes\":[]}",
                "{\"name\":\"ok\",\"scopes\":[\"admin\"]}", "{\"name\":\"ok\",\"scopes\":\"read\"}",
                "{\"name\":\"ok\",\"expires_in_days\":0}", "{\"name\":\"ok\",\"expires_in_days\":366}",
                "{\"name\":\"ok\",\"expires_in_days\":\"7\"}", "{\"name\":\"ok\",\"key\":\"tdk_mine\"}", "not json");
        for (String body : bodies) {
            HttpResponse<String> response = client.send("POST", "/v1/api-keys", body, "Authorization", jwt);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).at("/error/code").asText()).isEqualTo("invalid_request");
        }
        assertThat(JSON.readTree(client.send("GET", "/v1/api-keys", null, "Authorization", jwt).body()).get("items"))
                .as("nothing was written").isEmpty();
    }

    @Tag(E2e.VOLUME)
    @Test
    void twentyLiveKeysAtMostAndTheTableHoldsNoKeyText(ServiceClient client, LocalRuntime runtime) throws Exception {
        String jwt = Tokens.bearer(Tokens.newUser());
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            keys.add(newKey(client, jwt, "{\"name\":\"key " + i + "\",\"expires_in_days\":30}").get("key").asText());
        }
        HttpResponse<String> past = client.send("POST", "/v1/api-keys", "{\"name\":\"21st\"}", "Authorization", jwt);
        assertThat(past.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(past.body()).at("/error/message").asText()).contains("20 live API keys");
        assertThat(past.headers().firstValue("retry-after")).isEmpty();

        JsonNode first = JSON.readTree(client.send("GET", "/v1/api-keys?limit=7", null, "Authorization", jwt).body());
        assertThat(first.get("items")).hasSize(7);
        JsonNode second = JSON.readTree(client.send("GET", "/v1/api-keys?limit=7&cursor=" + first.get("next_cursor").asText(),
                null, "Authorization", jwt).body());
        assertThat(second.at("/items/0/id").asLong()).isEqualTo(8);

        assertThat(client.send("DELETE", "/v1/api-keys/3", null, "Authorization", jwt).statusCode()).isEqualTo(204);
        assertThat(client.send("POST", "/v1/api-keys", "{\"name\":\"after a revoke\"}", "Authorization", jwt).statusCode())
                .isEqualTo(201);

        DynamoDbClient dynamoDb = runtime.aws().dynamoDb();
        List<String> items = new ArrayList<>();
        dynamoDb.scanPaginator(scan -> scan.tableName(runtime.resources().tableName("TodoTable")))
                .items().forEach(item -> items.add(item.toString()));
        assertThat(items).as("the table has the keys' items").anyMatch(item -> item.contains("APIKEY#"));
        for (String key : keys) {
            String secret = key.substring(ApiKeyFormat.PREFIX.length());
            assertThat(items).as("an item holds a key's text").noneMatch(item -> item.contains(secret));
        }
        System.out.printf("api keys: %d keys made, %d items scanned, key text found 0 times%n", keys.size(), items.size());
    }

    @Test
    void theMcpSdkClientConnectsWithAKey(ServiceClient client) throws Exception {
        String jwt = Tokens.bearer(Tokens.newUser());
        String key = newKey(client, jwt, "{\"name\":\"Claude Code\"}").get("key").asText();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(client.base().toString())
                .endpoint("/mcp")
                .httpRequestCustomizer((builder, method, uri, body, context) -> builder.header("Authorization", "Bearer " + key))
                .build();
        try (McpSyncClient mcp = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
            mcp.initialize();
            assertThat(mcp.listTools().tools()).hasSize(5);
            McpSchema.CallToolResult added = mcp.callTool(new McpSchema.CallToolRequest("add_task",
                    Map.of("title", "Added over MCP with a key"), null));
            assertThat(added.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(client.send("GET", "/v1/tasks", null, "Authorization", jwt).body()).contains("Added over MCP with a key");
            Object taskId = ((Map<?, ?>) added.structuredContent()).get("task_id");
            // The other four tools, with the same key.
            for (McpSchema.CallToolRequest call : List.of(
                    new McpSchema.CallToolRequest("list_tasks", Map.of("status", "pending"), null),
                    new McpSchema.CallToolRequest("update_task", Map.of("task_id", taskId, "title", "Renamed over MCP"), null),
                    new McpSchema.CallToolRequest("complete_task", Map.of("task_id", taskId), null),
                    new McpSchema.CallToolRequest("delete_task", Map.of("task_id", taskId), null))) {
                McpSchema.CallToolResult result = mcp.callTool(call);
                assertThat(result.isError()).as(call.name() + ": " + result.content()).isNotEqualTo(Boolean.TRUE);
            }
        }
        assertThat(client.send("GET", "/v1/tasks", null, "Authorization", jwt).body()).doesNotContain("over MCP");
    }

    private static JsonNode newKey(ServiceClient client, String jwt, String body) throws IOException {
        HttpResponse<String> made = client.send("POST", "/v1/api-keys", body, "Authorization", jwt);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return JSON.readTree(made.body());
    }

    private static int remaining(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return Integer.parseInt(response.headers().firstValue("ratelimit-remaining").orElseThrow());
    }

    private static String[] mcpHeaders(String bearer, String method, String name) {
        List<String> headers = new ArrayList<>(List.of("Authorization", bearer, "Content-Type", "application/json",
                "Accept", "application/json, text/event-stream", "MCP-Protocol-Version", MODERN, "Mcp-Method", method));
        if (name != null) {
            headers.addAll(List.of("Mcp-Name", name));
        }
        return headers.toArray(String[]::new);
    }

    private static String request(String method, String params) {
        try {
            ObjectNode request = JSON.createObjectNode();
            request.put("jsonrpc", "2.0");
            request.put("id", "r-1");
            request.put("method", method);
            ObjectNode paramsNode = (ObjectNode) JSON.readTree(params);
            ObjectNode meta = paramsNode.putObject("_meta");
            meta.put("io.modelcontextprotocol/protocolVersion", MODERN);
            meta.putObject("io.modelcontextprotocol/clientCapabilities");
            request.set("params", paramsNode);
            return request.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
