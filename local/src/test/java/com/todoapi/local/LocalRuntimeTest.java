package com.todoapi.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The local runtime, end to end, with test fixtures as functions: routing, events, scaling, failures, SQS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalRuntimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Path marker;
    private LocalRuntime runtime;

    @BeforeAll
    void start(@TempDir Path directory) throws Exception {
        Path template = FixturePackage.create(directory);
        marker = directory.resolve("marker.txt");
        LocalConfig config = new LocalConfig(Map.of("Stage", "test"), Map.of("MARKER_FILE", marker.toString()));
        runtime = LocalRuntime.start(new LocalRuntime.Options(template, config, 0, 0, 0, null, 2, false, false,
                line -> System.out.println("[runtime] " + line)));
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    @Test
    void turnsARequestIntoAPayloadV2EventForTheMatchingRoute() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/items/4%202?tag=a&tag=b&q=x%20y"))
                .header("X-Custom", "One").header("Cookie", "c1=v1; c2=v2").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-fixture")).hasValue("echo");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1", "b=2");
        JsonNode seen = JSON.readTree(response.body());
        JsonNode event = seen.get("event");
        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("GET /items/{id}");
        assertThat(event.get("rawPath").asText()).isEqualTo("/items/4%202");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("tag=a&tag=b&q=x%20y");
        assertThat(event.at("/pathParameters/id").asText()).isEqualTo("4 2");
        assertThat(event.at("/queryStringParameters/tag").asText()).isEqualTo("a,b");
        assertThat(event.at("/queryStringParameters/q").asText()).isEqualTo("x y");
        assertThat(event.at("/headers/x-custom").asText()).isEqualTo("One");
        assertThat(event.get("cookies").toString()).isEqualTo("[\"c1=v1\",\"c2=v2\"]");
        assertThat(event.at("/requestContext/http/method").asText()).isEqualTo("GET");
        assertThat(event.at("/requestContext/http/sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(event.at("/requestContext/requestId").asText()).isNotBlank();
        assertThat(seen.get("remaining_ms").asLong()).isBetween(1L, 3000L);
    }

    @Test
    void givesEachFunctionItsTemplateEnvironmentResolvedLocally() throws Exception {
        JsonNode env = JSON.readTree(send(get("/items/1")).body()).get("env");

        assertThat(env.get("TABLE_NAME").asText()).isEqualTo("Table");
        assertThat(env.get("QUEUE_URL").asText()).isEqualTo(runtime.resources().queue("WorkQueue").url());
        assertThat(env.get("GREETING").asText()).isEqualTo("hello-test-us-east-1");
        assertThat(env.get("EXTRA").asText()).isEqualTo("only-echo");
        assertThat(env.get("AWS_ENDPOINT_URL_DYNAMODB").asText()).isEqualTo(runtime.aws().dynamoDbEndpoint().toString());
        assertThat(env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
        assertThat(env.has("HOME")).as("a clean environment, not the runtime's own").isFalse();
    }

    @Test
    void prefersLiteralRoutesAndPassesGreedyPathsAndBodies() throws Exception {
        JsonNode literal = JSON.readTree(send(get("/items/new")).body()).get("event");
        assertThat(literal.get("routeKey").asText()).isEqualTo("GET /items/new");

        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/echo/a/b/c"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"x\":1}")).build());
        JsonNode event = JSON.readTree(response.body()).get("event");
        assertThat(event.get("routeKey").asText()).isEqualTo("ANY /echo/{proxy+}");
        assertThat(event.at("/pathParameters/proxy").asText()).isEqualTo("a/b/c");
        assertThat(event.get("body").asText()).isEqualTo("{\"x\":1}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void answersUnknownRoutesAndFailedFunctionsAsApiGatewayDoes() throws Exception {
        HttpResponse<String> missing = send(get("/nowhere"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"message\":\"Not Found\"}");

        HttpResponse<String> failed = send(get("/items/1?fail=1"));
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");

        HttpResponse<String> status = send(get("/items/1?status=418"));
        assertThat(status.statusCode()).isEqualTo(418);
    }

    @Test
    void replacesAnInstanceThatCrashedOrTimedOut() throws Exception {
        assertThat(send(get("/items/1?crash=1")).statusCode()).isEqualTo(500);
        assertThat(send(get("/items/1?sleep=4000")).statusCode()).as("past the 3 s timeout").isEqualTo(500);
        assertThat(send(get("/items/1")).statusCode()).isEqualTo(200);
    }

    @Test
    void scalesToTheCapThenQueuesAndSpreadsRequestsWithoutAffinity() throws Exception {
        List<Future<HttpResponse<String>>> concurrent = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(5)) {
            for (int i = 0; i < 5; i++) {
                concurrent.add(clients.submit(() -> send(get("/items/1?sleep=700"))));
            }
        }
        Set<Long> pids = new HashSet<>();
        for (Future<HttpResponse<String>> response : concurrent) {
            assertThat(response.get().statusCode()).isEqualTo(200);
            pids.add(JSON.readTree(response.get().body()).get("pid").asLong());
        }
        assertThat(pids).as("never more instances than the cap of 2").hasSizeLessThanOrEqualTo(2);

        Set<Long> sequential = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            sequential.add(JSON.readTree(send(get("/items/1")).body()).get("pid").asLong());
        }
        assertThat(sequential).as("idle instances are picked at random").hasSize(2);
    }

    @Test
    void deletesWhatSucceededAndRedrivesReportedFailuresToTheDeadLetterQueue() throws Exception {
        String queue = runtime.resources().queue("WorkQueue").url();
        String dlq = runtime.resources().queue("WorkDeadLetters").url();
        try (SqsClient sqs = runtime.aws().sqs()) {
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody("ok-1"));
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody("fail-2"));
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody("ok-3"));

            List<Message> deadLetters = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (deadLetters.isEmpty() && System.nanoTime() < deadline) {
                deadLetters.addAll(sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages());
            }
            assertThat(deadLetters).extracting(Message::body).containsExactly("fail-2");
        }
        List<String> seen = Files.readAllLines(marker);
        assertThat(seen).filteredOn(line -> line.startsWith("ok-1")).hasSize(1);
        assertThat(seen).filteredOn(line -> line.startsWith("ok-3")).hasSize(1);
        // ElasticMQ decides when to redrive; once in a while it moves the message on its second
        // receive without delivering it. What the runtime owes: never deleted, never more than maxReceiveCount.
        assertThat(seen).filteredOn(line -> line.startsWith("fail-2")).as("at most maxReceiveCount deliveries")
                .hasSizeBetween(1, 2);
        assertThat(seen).allMatch(line -> line.endsWith(" aws:sqs"));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    private URI url(String path) {
        return runtime.url().resolve(path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
