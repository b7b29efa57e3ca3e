package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.local.LocalRuntime;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live connection through the local runtime's WebSocket front door with the JDK's own
 * WebSocket client, as docs/realtime.md tells a client to use it: who may connect, task.changed
 * from REST and from MCP to every connection of the person and no one else's, ping/pong, the
 * connection items that disconnect, a 410 and the cap remove. Every event received is checked
 * against asyncapi.yaml (LiveSocket).
 */
@ExtendWith(LocalRuntimeExtension.class)
class LiveEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String PAGE_ORIGIN = "http://localhost:5173";

    @Test
    void aTicketConnectsOnceAndABearerWithoutOriginConnects(LocalRuntime runtime, ServiceClient client) {
        String user = Tokens.newUser();
        String ticket = ticket(client, user);
        try (LiveSocket byTicket = LiveSocket.open(withTicket(runtime, ticket), Map.of("Origin", PAGE_ORIGIN)).get();
             LiveSocket byHeader = LiveSocket.open(live(runtime), Map.of("Authorization", Tokens.bearer(user))).get()) {
            assertThat(LiveSocket.open(withTicket(runtime, ticket), Map.of()).status()).as("the ticket again").isEqualTo(401);
            byTicket.send("{\"action\":\"ping\"}");
            assertThat(byTicket.nextOfType("pong", WAIT)).isEqualTo(json("{\"type\":\"pong\"}"));
            byHeader.send("{\"action\":\"ping\"}");
            assertThat(byHeader.nextOfType("pong", WAIT)).isEqualTo(json("{\"type\":\"pong\"}"));
        }
    }

    @Test
    void connectsWithoutCredentialsFromAForeignOriginOrWithAnUnknownTicketAreRefusedAndStoreNothing(LocalRuntime runtime,
                                                                                                      ServiceClient client) {
        String user = Tokens.newUser();
        assertThat(LiveSocket.open(live(runtime), Map.of()).status()).isEqualTo(401);
        assertThat(LiveSocket.open(withTicket(runtime, "A".repeat(43)), Map.of()).status()).isEqualTo(401);
        assertThat(LiveSocket.open(live(runtime), Map.of("Authorization", "Bearer nope")).status()).isEqualTo(401);
        assertThat(LiveSocket.open(withTicket(runtime, ticket(client, user)), Map.of("Origin", "https://attacker.example"))
                .status()).isEqualTo(403);
        assertThat(connections(runtime, user)).isEmpty();
    }

    @Test
    void aTaskChangedOverRestOrMcpReachesEveryConnectionOfItsOwnerAndNoOneElse(LocalRuntime runtime, ServiceClient client) {
        String alice = Tokens.newUser();
        String bob = Tokens.newUser();
        try (LiveSocket tab1 = LiveSocket.open(withTicket(runtime, ticket(client, alice)), Map.of("Origin", PAGE_ORIGIN)).get();
             LiveSocket tab2 = LiveSocket.open(live(runtime), Map.of("Authorization", Tokens.bearer(alice))).get();
             LiveSocket bobs = LiveSocket.open(live(runtime), Map.of("Authorization", Tokens.bearer(bob))).get()) {
            HttpResponse<String> created = client.send("POST", "/v1/tasks", "{\"title\":\"Buy milk\"}",
                    "Authorization", Tokens.bearer(alice));
            JsonNode task = json(created.body());
            for (LiveSocket tab : List.of(tab1, tab2)) {
                JsonNode event = tab.nextOfType("task.changed", WAIT);
                assertThat(event.get("task")).isEqualTo(task);
            }

            HttpResponse<String> viaMcp = client.send("POST", "/mcp", """
                    {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add_task","arguments":{"title":"Call mom"}}}""",
                    "Authorization", Tokens.bearer(alice), "Content-Type", "application/json",
                    "Accept", "application/json, text/event-stream", "MCP-Protocol-Version", "2025-11-25");
            assertThat(viaMcp.statusCode()).as(viaMcp.body()).isEqualTo(200);
            for (LiveSocket tab : List.of(tab1, tab2)) {
                assertThat(tab.nextOfType("task.changed", WAIT).at("/task/title").asText()).isEqualTo("Call mom");
            }

            client.send("PATCH", "/v1/tasks/" + task.get("id").asLong(), "{\"completed\":true}", "Authorization", Tokens.bearer(alice));
            for (LiveSocket tab : List.of(tab1, tab2)) {
                assertThat(tab.nextOfType("task.changed", WAIT).at("/task/completed").asBoolean()).isTrue();
            }
            client.send("DELETE", "/v1/tasks/" + task.get("id").asLong(), null, "Authorization", Tokens.bearer(alice));
            for (LiveSocket tab : List.of(tab1, tab2)) {
                assertThat(tab.nextOfType("task.changed", WAIT)).isEqualTo(json(
                        "{\"type\":\"task.changed\",\"task\":{\"id\":" + task.get("id").asLong() + ",\"deleted\":true}}"));
            }
            assertThat(bobs.next(QUIET)).as("another user's connection").isEmpty();
        }
    }

    @Test
    void aTaskTheAssistantAddsReachesTheConnectionOpenedWithAnApiKey(LocalRuntime runtime, ServiceClient client) {
        String user = Tokens.newUser();
        HttpResponse<String> made = client.send("POST", "/v1/api-keys", "{\"name\":\"live\",\"scopes\":[\"read\"]}",
                "Authorization", Tokens.bearer(user));
        String key = json(made.body()).get("key").asText();
        try (LiveSocket socket = LiveSocket.open(live(runtime), Map.of("Authorization", "Bearer " + key)).get()) {
            long conversation = json(client.send("POST", "/v1/conversations", null, "Authorization", Tokens.bearer(user)).body())
                    .get("id").asLong();
            client.send("POST", "/v1/conversations/" + conversation + "/messages", "{\"content\":\"Add a task to water the plants\"}",
                    "Authorization", Tokens.bearer(user));
            assertThat(socket.nextOfType("task.changed", Duration.ofSeconds(30)).at("/task/title").asText())
                    .containsIgnoringCase("water the plants");
        }
    }

    @Test
    void aDisconnectRemovesItsItemAndAPostAnswered410RemovesAStaleOne(LocalRuntime runtime, ServiceClient client)
            throws InterruptedException {
        String user = Tokens.newUser();
        LiveSocket socket = LiveSocket.open(live(runtime), Map.of("Authorization", Tokens.bearer(user))).get();
        assertThat(connections(runtime, user)).hasSize(1);
        socket.close();
        for (int i = 0; i < 50 && !connections(runtime, user).isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(connections(runtime, user)).as("after $disconnect").isEmpty();

        // A connection whose $disconnect never came (API Gateway sends it on a best-effort basis).
        putConnection(runtime, user, "StaleConnection0=");
        long task = json(client.send("POST", "/v1/tasks", "{\"title\":\"Water plants\"}", "Authorization",
                Tokens.bearer(user)).body()).get("id").asLong();
        assertThat(connections(runtime, user)).as("the create's post answered 410 deleted it").isEmpty();
        putConnection(runtime, user, "StaleConnection1=");
        client.send("PATCH", "/v1/tasks/" + task, "{\"completed\":true}", "Authorization", Tokens.bearer(user));
        assertThat(connections(runtime, user)).as("the update's post answered 410 deleted it").isEmpty();
    }

    @Test
    @Tag(E2e.VOLUME)
    void theEleventhConnectionClosesTheOldest(LocalRuntime runtime) {
        String user = Tokens.newUser();
        List<LiveSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 11; i++) {
                sockets.add(LiveSocket.open(live(runtime), Map.of("Authorization", Tokens.bearer(user))).get());
            }
            assertThat(sockets.get(0).closedWith(WAIT)).as("the oldest, closed by the 11th").isPresent();
            assertThat(connections(runtime, user)).hasSize(10);
        } finally {
            sockets.forEach(LiveSocket::close);
        }
    }

    private static String ticket(ServiceClient client, String user) {
        HttpResponse<String> answer = client.send("POST", "/v1/realtime/tickets", null, "Authorization", Tokens.bearer(user));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json(answer.body()).get("ticket").asText();
    }

    private static URI withTicket(LocalRuntime runtime, String ticket) {
        return URI.create(live(runtime) + "?ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
    }

    private static URI live(LocalRuntime runtime) {
        return runtime.webSocketUrl().orElseThrow(() -> new IllegalStateException("the template has no WebSocket API"));
    }

    private static List<String> connections(LocalRuntime runtime, String user) {
        return runtime.aws().dynamoDb().query(query -> query.tableName(runtime.resources().tableName("TodoTable"))
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :conn)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + user),
                                ":conn", AttributeValue.fromS("CONN#")))
                        .consistentRead(true))
                .items().stream().map(item -> item.get("connection_id").s()).toList();
    }

    private static void putConnection(LocalRuntime runtime, String user, String connectionId) {
        runtime.aws().dynamoDb().putItem(put -> put.tableName(runtime.resources().tableName("TodoTable")).item(Map.of(
                "pk", AttributeValue.fromS("USER#" + user), "sk", AttributeValue.fromS("CONN#" + connectionId),
                "gsi1pk", AttributeValue.fromS("CONN#" + connectionId), "gsi1sk", AttributeValue.fromS("CONN"),
                "connection_id", AttributeValue.fromS(connectionId), "user_id", AttributeValue.fromS(user),
                "connected_at", AttributeValue.fromN(Long.toString(System.currentTimeMillis() - 60_000)),
                "expires_at", AttributeValue.fromN(Long.toString(System.currentTimeMillis() / 1000 + 3600)))));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
