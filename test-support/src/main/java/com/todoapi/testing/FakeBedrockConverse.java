package com.todoapi.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon Bedrock's Converse operation on 127.0.0.1, speaking its REST-JSON protocol as the AWS
 * SDKs read it: {@code POST /model/{modelId}/converse}, a JSON answer with {@code output.message},
 * {@code stopReason}, {@code usage} and {@code metrics}, and errors as a status with the
 * {@code x-amzn-ErrorType} header and a {@code {"message": ...}} body. Each test scripts the
 * answers in order (text, tool uses, an error by type, a stall) and reads back every request:
 * its path, headers and decoded JSON body. A request with nothing scripted for it gets a
 * ValidationException, so a test that asks more than it scripted fails at once.
 */
public final class FakeBedrockConverse implements AutoCloseable {
    /** The status Bedrock's service model gives each error of Converse (bedrock-runtime 2023-09-30). */
    private static final Map<String, Integer> ERROR_STATUS = Map.of(
            "ValidationException", 400,
            "ServiceQuotaExceededException", 400,
            "AccessDeniedException", 403,
            "ResourceNotFoundException", 404,
            "ModelTimeoutException", 408,
            "ThrottlingException", 429,
            "ModelNotReadyException", 429,
            "ModelErrorException", 424,
            "InternalServerException", 500,
            "ServiceUnavailableException", 503);
    private static final Pattern CONVERSE = Pattern.compile("/model/([^/]+)/converse");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService handlers;
    private final Queue<Step> steps = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeBedrockConverse(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    public static FakeBedrockConverse start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // One thread per exchange: a stalled answer must not hold up the retry that follows it.
            ExecutorService handlers = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "fake-bedrock");
                thread.setDaemon(true);
                return thread;
            });
            FakeBedrockConverse fake = new FakeBedrockConverse(server, handlers);
            server.createContext("/", fake::handle);
            server.setExecutor(handlers);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("The fake Bedrock could not listen", e);
        }
    }

    /** What {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME} (or {@code aws.endpointUrlBedrockRuntime}) should name. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next call answers {@code text}, stop reason {@code end_turn}. */
    public FakeBedrockConverse answersText(String text, int inputTokens, int outputTokens) {
        steps.add(exchange -> sendAnswer(exchange, "end_turn", text, List.of(), inputTokens, outputTokens));
        return this;
    }

    public FakeBedrockConverse answersText(String text) {
        return answersText(text, 10, 5);
    }

    /** The next call answers {@code text} cut off, stop reason {@code max_tokens}. */
    public FakeBedrockConverse stopsAtMaxTokens(String text) {
        steps.add(exchange -> sendAnswer(exchange, "max_tokens", text, List.of(), 10, 5));
        return this;
    }

    /** The next call asks for tools (after {@code text}, if not empty), stop reason {@code tool_use}. */
    public FakeBedrockConverse usesTools(String text, ToolUse... uses) {
        steps.add(exchange -> sendAnswer(exchange, "tool_use", text, List.of(uses), 20, 8));
        return this;
    }

    /** The next call fails with one of Bedrock's error types, at the status Bedrock gives it. */
    public FakeBedrockConverse failsWith(String errorType) {
        Integer status = ERROR_STATUS.get(errorType);
        if (status == null) {
            throw new IllegalArgumentException("Converse has no error " + errorType + "; it has " + ERROR_STATUS.keySet());
        }
        steps.add(exchange -> sendError(exchange, status, errorType, "fake " + errorType));
        return this;
    }

    /** The next call gets no answer for {@code duration} (then a text answer nobody should be waiting for). */
    public FakeBedrockConverse stalls(Duration duration) {
        steps.add(exchange -> {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
                return;
            }
            sendAnswer(exchange, "end_turn", "too late", List.of(), 1, 1);
        });
        return this;
    }

    /** Every request received, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("The fake Bedrock has had no request");
        }
        return requests.getLast();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            String body = new String(bytes, StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), path, headers, body, parsed(body)));
            Matcher converse = CONVERSE.matcher(path);
            if (!exchange.getRequestMethod().equals("POST") || !converse.matches()) {
                sendError(exchange, 404, "UnknownOperationException", "no such operation");
                return;
            }
            Step step = steps.poll();
            if (step == null) {
                sendError(exchange, 400, "ValidationException", "FakeBedrockConverse: no answer scripted for this call");
                return;
            }
            step.answer(exchange);
        } catch (IOException clientGone) {
            // The client gave up (a timeout the test asked for): nothing to answer.
        }
    }

    private static void sendAnswer(HttpExchange exchange, String stopReason, String text, List<ToolUse> uses,
                                   int inputTokens, int outputTokens) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = root.putObject("output").putObject("message").put("role", "assistant");
        ArrayNode content = message.putArray("content");
        if (!text.isEmpty()) {
            content.addObject().put("text", text);
        }
        for (ToolUse use : uses) {
            ObjectNode toolUse = content.addObject().putObject("toolUse");
            toolUse.put("toolUseId", use.toolUseId()).put("name", use.name());
            toolUse.set("input", parsed(use.inputJson()));
        }
        root.put("stopReason", stopReason);
        root.putObject("usage").put("inputTokens", inputTokens).put("outputTokens", outputTokens)
                .put("totalTokens", inputTokens + outputTokens);
        root.putObject("metrics").put("latencyMs", 42);
        send(exchange, 200, root);
    }

    private static void sendError(HttpExchange exchange, int status, String errorType, String message)
            throws IOException {
        // Bedrock names the type with its service namespace after a colon; SDKs keep what is before it.
        exchange.getResponseHeaders().set("x-amzn-ErrorType",
                errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
        send(exchange, status, JSON.createObjectNode().put("message", message));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonNode parsed(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node == null ? JSON.missingNode() : node;
        } catch (JsonProcessingException notJson) {
            return JSON.missingNode();
        }
    }

    @FunctionalInterface
    private interface Step {
        void answer(HttpExchange exchange) throws IOException;
    }

    /** A tool the model asks for: Bedrock's id for the use, the tool's name, its input as JSON text. */
    public record ToolUse(String toolUseId, String name, String inputJson) {
    }

    /** One request as received: the raw path, headers (names case-insensitive), the body as text and as JSON. */
    public record Request(String method, String path, Map<String, List<String>> headers, String rawBody,
                          JsonNode body) {

        /** The first value of a header, or "" if it was not sent. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? "" : values.getFirst();
        }

        /** The model id of {@code /model/{modelId}/converse}, decoded. */
        public String modelId() {
            Matcher converse = CONVERSE.matcher(path);
            if (!converse.matches()) {
                throw new IllegalStateException("Not a Converse path: " + path);
            }
            return URLDecoder.decode(converse.group(1), StandardCharsets.UTF_8);
        }
    }
}
