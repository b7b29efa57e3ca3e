package com.todoapi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.local.websocket.WebSocketGateway;
import com.todoapi.local.websocket.WebSocketLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local WebSocket API end to end, with a real JDK WebSocket client, the functions' own SDK
 * client for {@code @connections}, and a fixture function in its own JVM on every route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSocketApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private LocalRuntime runtime;
    private WebSocketEventLog events;
    private ApiGatewayManagementApiClient management;
    private Path awsCalls;

    @BeforeAll
    void start(@TempDir Path directory) throws Exception {
        Path template = FixturePackage.create(directory, "/websocket-test-template.yaml");
        Path log = directory.resolve("events.jsonl");
        events = new WebSocketEventLog(log);
        LocalConfig config = new LocalConfig(Map.of(), Map.of("EVENT_LOG", log.toString()));
        awsCalls = directory.resolve("aws-calls");
        runtime = LocalRuntime.start(new LocalRuntime.Options(template, config, 0, 0, 0, null, 2, false, false,
                line -> System.out.println("[runtime] " + line)).withWebSocket(0, WebSocketLimits.AWS).recordingAwsCallsTo(awsCalls));
        management = ApiGatewayManagementApiClient.builder()
                .endpointOverride(runtime.webSocketManagementEndpoint().orElseThrow())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    void stop() {
        management.close();
        runtime.close();
    }

    @Test
    void servesTheStageAsAwsDoesAndPointsTheFunctionsAtItsManagementEndpoint() throws Exception {
        URI url = runtime.webSocketUrl().orElseThrow();
        assertThat(url.getScheme()).isEqualTo("ws");
        assertThat(url.getPath()).isEqualTo("/live");
        assertThat(runtime.webSocketManagementEndpoint().orElseThrow().toString())
                .isEqualTo("http://127.0.0.1:" + url.getPort() + "/live");
        WebSocketClient client = connect("");
        JsonNode message = events.await(WebSocketEventLog.of("MESSAGE", idOf(client)));
        assertThat(message.get("endpoint").asText()).isEqualTo(runtime.webSocketManagementEndpoint().orElseThrow().toString());
        assertThat(message.get("recording").asText()).as("functions invoked by WebSocket events record their AWS calls").isEqualTo("true");
        try (var runs = java.nio.file.Files.list(awsCalls.resolve("runs"))) {
            JsonNode manifest = JSON.readTree(runs.findFirst().orElseThrow().toFile());
            assertThat(manifest.at("/webSocketApis/SocketApi/stage").asText()).isEqualTo("live");
            assertThat(manifest.at("/webSocketApis/SocketApi/endpoint").asText())
                    .isEqualTo(runtime.webSocketManagementEndpoint().orElseThrow().toString());
        }
        client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }

    @Test
    void sendsTheHandshakeToTheConnectFunctionAsACONNECTEvent() throws Exception {
        String ticket = UUID.randomUUID().toString();
        long before = System.currentTimeMillis();
        WebSocketClient client = WebSocketClient.connect(URI.create(runtime.webSocketUrl().orElseThrow()
                + "?ticket=" + ticket + "&tag=a&tag=b%20c"), Map.of("X-Custom", "One", "Origin", "http://localhost:5173"));
        JsonNode connect = events.await(entry -> entry.at("/event/queryStringParameters/ticket").asText().equals(ticket)).get("event");
        JsonNode context = connect.get("requestContext");

        assertThat(context.get("routeKey").asText()).isEqualTo("$connect");
        assertThat(context.get("eventType").asText()).isEqualTo("CONNECT");
        assertThat(context.get("messageDirection").asText()).isEqualTo("IN");
        assertThat(context.get("stage").asText()).isEqualTo("live");
        assertThat(context.get("connectionId").asText()).matches("[A-Za-z0-9_-]{15}=");
        assertThat(context.get("connectedAt").asLong()).isBetween(before, System.currentTimeMillis());
        assertThat(context.get("requestTimeEpoch").asLong()).isGreaterThanOrEqualTo(context.get("connectedAt").asLong());
        assertThat(context.get("requestTime").asText()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(context.get("requestId").asText()).isNotBlank();
        assertThat(context.get("extendedRequestId").asText()).isNotBlank();
        assertThat(context.get("apiId").asText()).isNotBlank();
        assertThat(context.get("domainName").asText()).isEqualTo("127.0.0.1:" + runtime.webSocketUrl().orElseThrow().getPort());
        assertThat(context.at("/identity/sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(connect.at("/headers/X-Custom").asText()).isEqualTo("One");
        assertThat(connect.at("/headers/Origin").asText()).isEqualTo("http://localhost:5173");
        assertThat(connect.at("/headers/Sec-WebSocket-Version").asText()).isEqualTo("13");
        assertThat(connect.at("/headers/X-Forwarded-For").asText()).isEqualTo("127.0.0.1");
        assertThat(connect.at("/multiValueHeaders/X-Custom").toString()).isEqualTo("[\"One\"]");
        assertThat(connect.at("/queryStringParameters/tag").asText()).isEqualTo("b c");
        assertThat(connect.at("/multiValueQueryStringParameters/tag").toString()).isEqualTo("[\"a\",\"b c\"]");
        assertThat(connect.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(idOf(client)).isEqualTo(context.get("connectionId").asText());
        client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }

    @Test
    void refusesTheUpgradeWithTheConnectFunctionsStatusAndRegistersNothing() throws Exception {
        for (Map.Entry<String, Integer> refusal : Map.of("refuse=401", 401, "refuse=403", 403, "fail=1", 500).entrySet()) {
            String tag = UUID.randomUUID().toString();
            assertThat(refusedStatus("?" + refusal.getKey() + "&tag=" + tag)).isEqualTo(refusal.getValue());
            String id = events.await(entry -> entry.at("/event/queryStringParameters/tag").asText().equals(tag))
                    .at("/event/requestContext/connectionId").asText();
            assertThat(gateway().openConnections()).doesNotContain(id);
            assertThatThrownBy(() -> management.getConnection(r -> r.connectionId(id))).isInstanceOf(GoneException.class);
        }
    }

    @Test
    void routesOnTheBodysActionAndFallsBackToDefault() throws Exception {
        WebSocketClient client = connect("");
        String id = idOf(client);

        client.socket.sendText("{\"action\":\"echo\",\"n\":1}", true);
        assertThat(client.next()).as("a two-way route sends the function's body back").isEqualTo("echo:{\"action\":\"echo\",\"n\":1}");

        client.socket.sendText("not json", true);
        client.socket.sendText("{\"action\":\"nosuchroute\"}", true);
        client.socket.sendText("{\"action\":7}", true);
        for (String body : new String[]{"not json", "{\"action\":\"nosuchroute\"}", "{\"action\":7}"}) {
            JsonNode event = events.await(entry -> WebSocketEventLog.of("MESSAGE", id).test(entry)
                    && entry.at("/event/body").asText().equals(body)).get("event");
            assertThat(event.at("/requestContext/routeKey").asText()).isEqualTo("$default");
            assertThat(event.at("/requestContext/messageId").asText()).isNotBlank();
            assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
            assertThat(event.has("headers")).as("a MESSAGE event carries no headers").isFalse();
        }
        client.socket.sendText("{\"action\":\"ping\"}", true);
        assertThat(client.next()).as("$default is one-way: its answers were not sent, the pong is next").isEqualTo("{\"type\":\"pong\"}");
        client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }

    @Test
    void tellsTheClientWhenTheRoutesFunctionFails() throws Exception {
        WebSocketClient client = connect("");
        String id = idOf(client);

        client.socket.sendText("boom", true);
        JsonNode error = JSON.readTree(client.next());
        assertThat(error.get("message").asText()).isEqualTo("Internal server error");
        assertThat(error.get("connectionId").asText()).isEqualTo(id);
        assertThat(error.get("requestId").asText()).isNotBlank();
        client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }

    @Test
    void answersTheSdksPostGetAndDeleteAndGoneAfterwards() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        WebSocketClient client = connect("");
        String id = idOf(client);

        management.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String("{\"type\":\"task.changed\"}")));
        assertThat(client.next()).isEqualTo("{\"type\":\"task.changed\"}");

        GetConnectionResponse info = management.getConnection(r -> r.connectionId(id));
        assertThat(info.connectedAt()).isAfter(before).isBeforeOrEqualTo(Instant.now());
        assertThat(info.lastActiveAt()).isAfterOrEqualTo(info.connectedAt());
        assertThat(info.identity().sourceIp()).isEqualTo("127.0.0.1");
        assertThat(info.identity().userAgent()).isNotNull();

        management.deleteConnection(r -> r.connectionId(id));
        assertThat(client.awaitClose(Duration.ofSeconds(10)).statusCode()).isEqualTo(1000);
        JsonNode disconnect = events.await(WebSocketEventLog.of("DISCONNECT", id)).get("event");
        assertThat(disconnect.at("/requestContext/disconnectStatusCode").asInt()).isEqualTo(1000);
        assertThat(disconnect.at("/requestContext/disconnectReason").asText()).isEqualTo("Connection Closed Normally");

        assertThatThrownBy(() -> management.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String("late"))))
                .isInstanceOfSatisfying(GoneException.class, gone -> assertThat(gone.statusCode()).isEqualTo(410));
        assertThatThrownBy(() -> management.getConnection(r -> r.connectionId(id))).isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> management.deleteConnection(r -> r.connectionId(id))).isInstanceOf(GoneException.class);
    }

    @Test
    void answersGoneAndTooLargeOverPlainHttpAsTheServiceDoes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI gone = URI.create(runtime.webSocketManagementEndpoint().orElseThrow() + "/@connections/AAAAAAAAAAAAAAA%3D");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(gone).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(410);
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).hasValue("GoneException");

        WebSocketClient client = connect("");
        String id = idOf(client);
        URI live = URI.create(runtime.webSocketManagementEndpoint().orElseThrow() + "/@connections/"
                + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> tooLarge = http.send(HttpRequest.newBuilder(live)
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(128 * 1024 + 1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("x-amzn-ErrorType")).hasValue("PayloadTooLargeException");
        client.socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }

    @Test
    void reportsAClientsCloseToTheDisconnectFunction() throws Exception {
        WebSocketClient client = connect("");
        String id = idOf(client);

        client.socket.sendClose(4001, "done here").get();
        assertThat(client.awaitClose(Duration.ofSeconds(10)).statusCode()).isEqualTo(4001);
        JsonNode disconnect = events.await(WebSocketEventLog.of("DISCONNECT", id)).get("event");
        JsonNode context = disconnect.get("requestContext");
        assertThat(context.get("routeKey").asText()).isEqualTo("$disconnect");
        assertThat(context.get("disconnectStatusCode").asInt()).isEqualTo(4001);
        assertThat(context.get("disconnectReason").asText()).isEqualTo("done here");
        assertThat(context.at("/identity/sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(disconnect.at("/headers/Host").asText()).isEqualTo(context.get("domainName").asText());
        assertThat(disconnect.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(gateway().openConnections()).doesNotContain(id);
    }

    @Test
    void closesWith1009AFrameOver32KbAndAMessageOver128Kb() throws Exception {
        // The JDK client splits a long message into frames of its own, so one long frame goes over a plain socket.
        URI url = runtime.webSocketUrl().orElseThrow();
        try (RawWebSocket raw = RawWebSocket.open(url)) {
            raw.sendText(33 * 1024);
            assertThat(raw.closeCode()).isEqualTo(1009);
        }

        WebSocketClient message = connect("");
        String chunk = "y".repeat(30 * 1024);
        for (int i = 0; i < 5; i++) {
            message.socket.sendText(chunk, i == 4).get();
        }
        assertThat(message.awaitClose(Duration.ofSeconds(10)).statusCode()).isEqualTo(1009);

        WebSocketClient fits = connect("");
        for (int i = 0; i < 4; i++) {
            fits.socket.sendText(i == 0 ? "{\"action\":\"echo\",\"pad\":\"" : i < 3 ? chunk : "\"}", i == 3).get();
        }
        assertThat(fits.next()).as("fragments under both limits arrive whole, and the answer over 32 KB comes back in frames")
                .startsWith("echo:{\"action\":\"echo\"").hasSize("echo:{\"action\":\"echo\",\"pad\":\"\"}".length() + 2 * chunk.length());
        String fitsId = events.await(entry -> entry.at("/event/requestContext/routeKey").asText().equals("echo")
                && entry.at("/event/body").asText().length() > 60 * 1024).at("/event/requestContext/connectionId").asText();
        management.postToConnection(r -> r.connectionId(fitsId).data(SdkBytes.fromUtf8String("z".repeat(128 * 1024))));
        assertThat(fits.next()).hasSize(128 * 1024);
        fits.socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
    }

    private WebSocketGateway gateway() {
        return runtime.webSockets().get(0);
    }

    private WebSocketClient connect(String query) throws Exception {
        return WebSocketClient.connect(URI.create(runtime.webSocketUrl().orElseThrow() + query), Map.of());
    }

    private int refusedStatus(String query) {
        try {
            connect(query);
        } catch (Exception e) {
            assertThat(e).isInstanceOf(ExecutionException.class).cause().isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
        throw new AssertionError("connected");
    }

    /** The connection's id, as the function saw it: a ping tagged uniquely, answered with a pong. */
    private String idOf(WebSocketClient client) throws Exception {
        String tag = UUID.randomUUID().toString();
        client.socket.sendText("{\"action\":\"ping\",\"tag\":\"" + tag + "\"}", true);
        assertThat(client.next()).isEqualTo("{\"type\":\"pong\"}");
        return events.await(entry -> entry.at("/event/body").asText().contains(tag))
                .at("/event/requestContext/connectionId").asText();
    }
}
