package com.todoapi.functions.realtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.config.Env;
import com.todoapi.live.LiveConnections;
import com.todoapi.tasks.NewTask;
import com.todoapi.testing.AsyncApiContract;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.CapacityMeter;
import com.todoapi.testing.FakeConnectionsApi;
import com.todoapi.testing.FakeConnectionsApi.Behaviour;
import com.todoapi.testing.FunctionCalls;
import com.todoapi.testing.Tokens;
import com.todoapi.wiring.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.todoapi.testing.FunctionCalls.body;
import static com.todoapi.testing.FunctionCalls.sample;
import static com.todoapi.testing.FunctionCalls.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live routes in-process on DynamoDB Local, with the WebSocket API's management endpoint a
 * loopback {@link FakeConnectionsApi}: tickets, who may connect, the connection items, the cap,
 * disconnect, ping, and task.changed from a task change to every connection of its owner only.
 */
@ExtendWith(AwsBackendExtension.class)
class RealtimeHandlersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FOREIGN_ORIGIN = "https://attacker.example";
    private static final AsyncApiContract PROTOCOL = AsyncApiContract.ofRepository();
    private static FakeConnectionsApi connectionsApi;

    @BeforeAll
    static void startManagementApi() {
        connectionsApi = FakeConnectionsApi.start();
        // The SDK's default chain, as in Lambda: a region and (any) credentials, here from system properties.
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void stopManagementApi() {
        connectionsApi.close();
    }

    @Test
    void aTicketConnectsOnceAndIsRefusedAfter(AwsBackend aws) {
        Services services = services(aws, Clock.systemUTC());
        String user = Tokens.newUser();
        JsonNode created = invoke(new CreateRealtimeTicketHandler(services), sample("realtime-tickets-create", user));
        assertThat(status(created)).isEqualTo(201);
        String ticket = body(created).get("ticket").asText();
        assertThat(ticket).matches("[A-Za-z0-9_-]{43}");
        Instant expires = Instant.parse(body(created).get("expires_at").asText());
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));

        ConnectHandler connect = new ConnectHandler(services);
        String first = newConnection();
        assertThat(status(invoke(connect, connectEvent(first, Map.of("ticket", ticket), Map.of("Origin", "http://localhost:3001")))))
                .isEqualTo(200);
        assertThat(connectionsOf(aws, user)).containsExactly(first);
        String second = newConnection();
        assertThat(status(invoke(connect, connectEvent(second, Map.of("ticket", ticket), Map.of()))))
                .as("the same ticket again").isEqualTo(401);
        assertThat(connectionsOf(aws, user)).containsExactly(first);
    }

    @Test
    void refusedConnectsStoreNothing(AwsBackend aws) {
        Services services = services(aws, Clock.systemUTC());
        String user = Tokens.newUser();
        ConnectHandler connect = new ConnectHandler(services);
        String expired = body(invoke(new CreateRealtimeTicketHandler(services(aws,
                Clock.fixed(Instant.now().minusSeconds(61), ZoneOffset.UTC))), sample("realtime-tickets-create", user)))
                .get("ticket").asText();

        assertThat(status(invoke(connect, connectEvent(newConnection(), Map.of(), Map.of())))).as("no credentials").isEqualTo(401);
        assertThat(status(invoke(connect, connectEvent(newConnection(), Map.of("ticket", expired), Map.of()))))
                .as("an expired ticket").isEqualTo(401);
        assertThat(status(invoke(connect, connectEvent(newConnection(), Map.of("ticket", "x".repeat(43)), Map.of()))))
                .as("a ticket never issued").isEqualTo(401);
        assertThat(status(invoke(connect, connectEvent(newConnection(), Map.of(),
                Map.of("Authorization", "Bearer not-a-token"))))).as("a bad bearer").isEqualTo(401);
        assertThat(status(invoke(connect, connectEvent(newConnection(), Map.of(),
                Map.of("Authorization", Tokens.bearer(user), "Origin", FOREIGN_ORIGIN))))).as("a foreign origin").isEqualTo(403);
        assertThat(connectionsOf(aws, user)).isEmpty();

        String byHeader = newConnection();
        assertThat(status(invoke(connect, connectEvent(byHeader, Map.of(), Map.of("authorization", Tokens.bearer(user))))))
                .as("a bearer header without Origin: a client that is not a browser page").isEqualTo(200);
        assertThat(connectionsOf(aws, user)).containsExactly(byHeader);
    }

    @Test
    void aTaskChangeReachesEveryConnectionOfItsOwnerAndNoOtherUsers(AwsBackend aws) {
        Services services = services(aws, Clock.systemUTC());
        String alice = Tokens.newUser();
        String bob = Tokens.newUser();
        String aliceTab1 = open(services, alice);
        String aliceTab2 = open(services, alice);
        String bobTab = open(services, bob);

        long id = services.tasks().create(alice, new NewTask("Buy milk", ""), Optional.empty()).task().id();
        services.tasks().delete(alice, id, com.todoapi.tasks.VersionMatch.ANY);

        for (String tab : List.of(aliceTab1, aliceTab2)) {
            List<JsonNode> events = connectionsApi.received(tab).stream().map(RealtimeHandlersTest::json).toList();
            assertThat(events).hasSize(2);
            events.forEach(event -> assertThat(PROTOCOL.violations(event)).as("asyncapi.yaml").isEmpty());
            assertThat(events.get(0).get("type").asText()).isEqualTo("task.changed");
            assertThat(events.get(0).at("/task/id").asLong()).isEqualTo(id);
            assertThat(events.get(0).at("/task/title").asText()).isEqualTo("Buy milk");
            assertThat(events.get(0).at("/task/created_at").asText()).isNotEmpty();
            assertThat(events.get(1)).isEqualTo(json("{\"type\":\"task.changed\",\"task\":{\"id\":" + id + ",\"deleted\":true}}"));
        }
        assertThat(connectionsApi.received(bobTab)).isEmpty();
    }

    @Test
    void aGoneConnectionIsDeletedByThePostThatFindsItAndDisconnectDeletesItsItem(AwsBackend aws) {
        Services services = services(aws, Clock.systemUTC());
        String user = Tokens.newUser();
        String stale = open(services, user);
        String live = open(services, user);
        connectionsApi.connection(stale, Behaviour.GONE);

        services.tasks().create(user, new NewTask("Call mom", ""), Optional.empty());
        assertThat(connectionsOf(aws, user)).containsExactly(live);
        assertThat(connectionsApi.received(live)).hasSize(1);

        assertThat(status(invoke(new DisconnectHandler(services), disconnectEvent(live)))).isEqualTo(200);
        assertThat(connectionsOf(aws, user)).isEmpty();
        assertThat(status(invoke(new DisconnectHandler(services), disconnectEvent(live)))).as("again").isEqualTo(200);
    }

    @Test
    void aPingGetsAPongOnItsOwnConnection(AwsBackend aws) {
        Services services = services(aws, Clock.systemUTC());
        String connection = open(services, Tokens.newUser());
        MessageHandler handler = new MessageHandler(services);
        assertThat(status(invoke(handler, messageEvent(connection, "{\"action\":\"ping\"}")))).isEqualTo(200);
        assertThat(status(invoke(handler, messageEvent(connection, "{\"action\":\"dance\"}")))).isEqualTo(200);
        assertThat(status(invoke(handler, messageEvent(connection, "not json")))).isEqualTo(200);
        List<JsonNode> answers = connectionsApi.received(connection).stream().map(RealtimeHandlersTest::json).toList();
        answers.forEach(answer -> assertThat(PROTOCOL.violations(answer)).as("asyncapi.yaml").isEmpty());
        assertThat(PROTOCOL.violations(json("{\"action\":\"ping\"}"))).isEmpty();
        assertThat(answers.get(0)).isEqualTo(json("{\"type\":\"pong\"}"));
        assertThat(answers.get(1).at("/error/code").asText()).isEqualTo("unknown_action");
        assertThat(answers.get(2).at("/error/code").asText()).isEqualTo("invalid_message");
    }

    @Test
    void theEleventhConnectionClosesTheOldest(AwsBackend aws) throws InterruptedException {
        Services services = services(aws, Clock.systemUTC());
        String user = Tokens.newUser();
        List<String> opened = new java.util.ArrayList<>();
        for (int i = 0; i < LiveConnections.MAX_PER_USER + 1; i++) {
            opened.add(open(services, user));
            Thread.sleep(2); // connected_at is kept to the millisecond: each a distinct age
        }
        assertThat(connectionsApi.closed()).contains(opened.get(0));
        assertThat(connectionsOf(aws, user)).containsExactlyInAnyOrderElementsOf(opened.subList(1, opened.size()));
    }

    @Test
    void failingPostsAreDroppedWithinTheBudget(AwsBackend aws) {
        Services services = services(aws, Clock.systemUTC());
        String user = Tokens.newUser();
        String throttled = open(services, user);
        String failing = open(services, user);
        List<String> slow = List.of(open(services, user), open(services, user), open(services, user), open(services, user));
        connectionsApi.connection(throttled, Behaviour.THROTTLED).connection(failing, Behaviour.FAILING);
        slow.forEach(id -> connectionsApi.connection(id, Behaviour.SLOW));

        long started = System.nanoTime();
        services.tasks().create(user, new NewTask("Slow sockets", ""), Optional.empty());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("a publish gives up after its budget (2 s) plus one post's timeout (1 s)")
                .isLessThan(Duration.ofMillis(3_800));
        assertThat(connectionsOf(aws, user)).as("only a 410 deletes an item").hasSize(6);
    }

    private String open(Services services, String user) {
        String id = newConnection();
        connectionsApi.connection(id, Behaviour.OPEN);
        JsonNode answer = invoke(new ConnectHandler(services), connectEvent(id, Map.of(), Map.of("Authorization", Tokens.bearer(user))));
        assertThat(status(answer)).isEqualTo(200);
        return id;
    }

    private static String newConnection() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 14) + "=";
    }

    /** A $connect as API Gateway sends it: header names as the client wrote them, the query string parsed. */
    private static ObjectNode connectEvent(String connectionId, Map<String, String> query, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(Map.of("Host", "abc123.execute-api.us-east-1.amazonaws.com",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13"));
        all.putAll(headers);
        ObjectNode event = JSON.createObjectNode();
        event.set("headers", JSON.valueToTree(all));
        event.set("queryStringParameters", query.isEmpty() ? null : JSON.valueToTree(query));
        event.set("requestContext", context("$connect", "CONNECT", connectionId));
        event.put("isBase64Encoded", false);
        return event;
    }

    private static ObjectNode disconnectEvent(String connectionId) {
        ObjectNode event = JSON.createObjectNode();
        event.set("headers", JSON.valueToTree(Map.of("Host", "abc123.execute-api.us-east-1.amazonaws.com")));
        ObjectNode context = context("$disconnect", "DISCONNECT", connectionId);
        context.put("disconnectStatusCode", 1001).put("disconnectReason", "Going away");
        event.set("requestContext", context);
        event.put("isBase64Encoded", false);
        return event;
    }

    private static ObjectNode messageEvent(String connectionId, String body) {
        ObjectNode event = JSON.createObjectNode();
        event.set("requestContext", context("$default", "MESSAGE", connectionId));
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }

    private static ObjectNode context(String routeKey, String eventType, String connectionId) {
        return JSON.createObjectNode().put("routeKey", routeKey).put("eventType", eventType)
                .put("connectionId", connectionId).put("requestId", UUID.randomUUID().toString())
                .put("apiId", "abc123").put("stage", FakeConnectionsApi.STAGE).put("messageDirection", "IN");
    }

    private static List<String> connectionsOf(AwsBackend aws, String user) {
        DynamoDbClient dynamoDb = new CapacityMeter().dynamoDb(aws);
        return dynamoDb.query(query -> query.tableName(aws.tableName())
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :conn)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + user),
                                ":conn", AttributeValue.fromS("CONN#")))
                        .consistentRead(true))
                .items().stream().map(item -> item.get("connection_id").s()).toList();
    }

    private static JsonNode invoke(RequestStreamHandler handler, JsonNode event) {
        return FunctionCalls.invoke((in, out) -> handler.handleRequest(in, out, null), event);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Services services(AwsBackend aws, Clock clock) {
        return new Services(new Env(FunctionCalls.environment(aws, Map.of(
                "REALTIME_ENDPOINT", connectionsApi.endpoint().toString(),
                "CORS_ALLOWED_ORIGINS", "https://app.example.com"))),
                new CapacityMeter().dynamoDb(aws), aws.aws()::sqs, clock);
    }
}
