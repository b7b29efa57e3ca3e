package com.todoapi.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * OpenAI's Chat Completions API on loopback, for tests: {@code POST /v1/chat/completions} answers
 * with the documented {@code chat.completion} object or error envelope ({@link ChatCompletionsWire}),
 * after the checks OpenAI makes of a request ({@link ChatRequestRules}). A request with
 * {@code stream: true} is answered as OpenAI streams: {@code 200} with {@code text/event-stream},
 * each {@code chat.completion.chunk} as {@code data: {...}} and a blank line, {@code data: [DONE]}
 * last ({@link ChatCompletionsWire#chunks}), at a {@linkplain #pace(Duration, int) pace} the test sets.
 *
 * <p>What it answers is scripted: a FIFO of {@link Step}s the test enqueues, then, when that is
 * empty, the {@linkplain #brain(Function) brain} given the decoded request body; with neither, a
 * 400 {@code fake_unscripted}, so a test that asks more than it scripted fails at once. Every
 * request is recorded with its headers and body, in order, before it is answered.
 *
 * <p>Usage is counted, not measured: {@code prompt_tokens} is the UTF-8 byte count of the
 * request's {@code messages} and {@code tools} as compact JSON, divided by 4 and rounded up
 * ({@link #promptTokens(JsonNode)}); {@code completion_tokens} likewise of the answer's content,
 * refusal and each call's name and arguments. Deterministic, so tests and benchmarks can compare
 * what turns send; a step may set its own numbers ({@link Answer#withUsage}).
 */
public final class FakeChatCompletions implements AutoCloseable {
    public static final String PATH = "/v1/chat/completions";

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ConcurrentLinkedQueue<Step> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Function<JsonNode, Step> brain;
    private volatile Duration pace = Duration.ZERO;
    private volatile int piece = 4;
    private volatile UsageChunk usageChunk = UsageChunk.EMPTY_CHOICES;
    private volatile String keepAlive;

    private FakeChatCompletions(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    /** Starts on 127.0.0.1 at a free port; each request is handled on its own thread, so a stall blocks no other. */
    public static FakeChatCompletions start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            ExecutorService handlers = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "fake-chat-completions");
                thread.setDaemon(true);
                return thread;
            });
            FakeChatCompletions fake = new FakeChatCompletions(server, handlers);
            server.createContext("/", fake::handle);
            server.setExecutor(handlers);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("The fake Chat Completions server could not start", e);
        }
    }

    /** The base URL a client is configured with, up to {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Adds steps to the end of the script; each answers one request. */
    public FakeChatCompletions enqueue(Step... steps) {
        script.addAll(Arrays.asList(steps));
        return this;
    }

    /** What answers once the script is spent: given each request's decoded body. */
    public FakeChatCompletions brain(Function<JsonNode, Step> brain) {
        this.brain = brain;
        return this;
    }

    /** Streams content and arguments {@code piece} characters a chunk, waiting {@code between} before each chunk. */
    public FakeChatCompletions pace(Duration between, int piece) {
        this.pace = between;
        this.piece = Math.max(1, piece);
        return this;
    }

    /** How a stream asked for usage ends: OpenAI's way by default, or as some compatible servers do. */
    public FakeChatCompletions usageChunk(UsageChunk usageChunk) {
        this.usageChunk = usageChunk;
        return this;
    }

    /** Sends this SSE comment ({@code : text}) before every chunk, as proxies and some servers keep a stream alive. */
    public FakeChatCompletions keepAlive(String comment) {
        this.keepAlive = comment;
        return this;
    }

    /** The requests received so far, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    public RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("The fake received no request");
        }
        return requests.getLast();
    }

    /** Steps enqueued and not yet used. */
    public int stepsLeft() {
        return script.size();
    }

    /** The {@code prompt_tokens} the fake reports for a request body (see the class comment). */
    public static long promptTokens(JsonNode requestBody) {
        return ChatCompletionsWire.promptTokens(requestBody);
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow(); // wakes stalled steps
    }

    private void handle(HttpExchange exchange) {
        try {
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode body = parse(raw);
            requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    headers(exchange), body, raw, Instant.now()));
            answer(exchange, body, route(exchange, body));
        } catch (IOException clientGone) {
            // the client timed out or closed the connection: nothing to answer
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private Step route(HttpExchange exchange, JsonNode body) {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            return Step.error(404, "invalid_request_error", "unknown_url",
                    "Invalid URL (" + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + ")", null);
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            return Step.error(405, "invalid_request_error", "method_not_supported",
                    "Invalid method for URL (" + exchange.getRequestMethod() + " " + PATH + ")", null);
        }
        Optional<Failure> refused = ChatRequestRules.check(body);
        if (refused.isPresent()) {
            return refused.get();
        }
        Step next = script.poll();
        if (next != null) {
            return next;
        }
        Function<JsonNode, Step> thinking = brain;
        if (thinking != null) {
            try {
                return thinking.apply(body);
            } catch (RuntimeException broken) {
                // A permanent error, so the client under test stops at once rather than retrying a broken script.
                return Step.error(400, "invalid_request_error", "fake_brain_failed",
                        "FakeChatCompletions' brain failed: " + broken, null);
            }
        }
        return Step.error(400, "invalid_request_error", "fake_unscripted",
                "FakeChatCompletions has no step scripted for request " + requests.size(), null);
    }

    private void answer(HttpExchange exchange, JsonNode request, Step step) throws IOException, InterruptedException {
        boolean streamed = request != null && request.path("stream").asBoolean(false);
        switch (step) {
            case Stall stall -> {
                Thread.sleep(stall.delay());
                answer(exchange, request, stall.then());
            }
            case Answer answer when streamed -> stream(exchange, request, answer, Integer.MAX_VALUE, null);
            case Answer answer -> send(exchange, 200, Map.of("content-type", "application/json"),
                    ChatCompletionsWire.completion(request, answer, Instant.now().getEpochSecond()));
            case CutShort cut -> stream(exchange, request, cut.answer(), cut.chunks(), null);
            case ErrorMidStream error -> stream(exchange, request, error.answer(), error.chunks(),
                    ChatCompletionsWire.error(error.message(), error.type(), null, error.code()));
            case Failure failure -> send(exchange, failure.status(), failure.headers(), failure.body());
        }
    }

    /**
     * {@code 200 text/event-stream}, chunked, each event flushed as it is written: {@code data: <json>}
     * and a blank line per chunk, then {@code data: [DONE]}. Only the first {@code chunks} are sent
     * when fewer, then {@code error} as an event if given, and the body ends there, with no [DONE].
     */
    private void stream(HttpExchange exchange, JsonNode request, Answer answer, int chunks, String error)
            throws IOException, InterruptedException {
        List<String> all = ChatCompletionsWire.chunks(request, answer, Instant.now().getEpochSecond(), piece, usageChunk);
        exchange.getResponseHeaders().add("content-type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().add("cache-control", "no-cache");
        exchange.getResponseHeaders().add("x-request-id", "req_" + ChatCompletionsWire.randomId(32));
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            int sent = 0;
            for (String chunk : all) {
                if (sent == chunks) {
                    break;
                }
                if (!pace.isZero()) {
                    Thread.sleep(pace);
                }
                String comment = keepAlive;
                String event = (comment == null ? "" : ": " + comment + "\n\n") + "data: " + chunk + "\n\n";
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
                sent++;
            }
            if (error != null) {
                out.write(("data: " + error + "\n\n").getBytes(StandardCharsets.UTF_8));
            } else if (sent == all.size()) {
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("x-request-id", "req_" + ChatCompletionsWire.randomId(32));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static JsonNode parse(String raw) {
        try {
            JsonNode node = ChatCompletionsWire.JSON.readTree(raw);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    /** One request as it arrived: {@code body} is its decoded JSON, or null if it was not JSON. */
    public record RecordedRequest(String method, String path, Map<String, List<String>> headers, JsonNode body,
                                  String rawBody, Instant receivedAt) {

        /** The header's first value; names are case-insensitive. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }

        public JsonNode messages() {
            return body.path("messages");
        }
    }

    /** How the fake answers one request. */
    public sealed interface Step permits Answer, Failure, Stall, CutShort, ErrorMidStream {

        /** A final answer: {@code finish_reason} "stop". */
        static Answer text(String content) {
            return new Answer(content, null, List.of(), "stop", Optional.empty());
        }

        /** A final answer with no text at all ({@code content} ""). */
        static Answer emptyAnswer() {
            return text("");
        }

        /** An answer cut at the token limit: {@code finish_reason} "length". */
        static Answer truncated(String content) {
            return new Answer(content, null, List.of(), "length", Optional.empty());
        }

        /** A refusal: {@code content} null, the text in {@code refusal}. */
        static Answer refusal(String refusal) {
            return new Answer(null, refusal, List.of(), "stop", Optional.empty());
        }

        /** Tool calls with {@code content} null and {@code finish_reason} "tool_calls". */
        static Answer toolCalls(Call... calls) {
            return new Answer(null, null, List.of(calls), "tool_calls", Optional.empty());
        }

        /** A call whose id the fake makes up ({@code call_} and 24 letters or digits). */
        static Call call(String name, String rawArguments) {
            return new Call(null, name, rawArguments);
        }

        static Call call(String id, String name, String rawArguments) {
            return new Call(id, name, rawArguments);
        }

        /** An error in OpenAI's envelope; {@code code} and {@code param} may be null. */
        static Failure error(int status, String type, String code, String message, String param) {
            return new Failure(status, Map.of("content-type", "application/json"),
                    ChatCompletionsWire.error(message, type, param, code));
        }

        /** A 429 for too many requests, as OpenAI sends it (add {@code retry-after} with {@link Failure#withHeader}). */
        static Failure rateLimited() {
            return error(429, "requests", "rate_limit_exceeded", "Rate limit reached for requests. Please try again"
                    + " in 1s.", null);
        }

        /** A 429 for a spent quota: no retry will pass. */
        static Failure insufficientQuota() {
            return error(429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota, please"
                    + " check your plan and billing details.", null);
        }

        static Failure serverError(int status) {
            return error(status, "server_error", null, "The server had an error while processing your request."
                    + " Sorry about that!", null);
        }

        /** Any status and body, as some proxy or broken server might send. */
        static Failure raw(int status, String contentType, String body) {
            return new Failure(status, Map.of("content-type", contentType), body);
        }

        /** A stream that stops after its first {@code chunks} events: no finish, no [DONE] (a server that died). */
        static CutShort cutShort(Answer answer, int chunks) {
            return new CutShort(answer, chunks);
        }

        /** A stream that sends {@code chunks} events, then an error event in OpenAI's envelope, then ends. */
        static ErrorMidStream errorMidStream(Answer answer, int chunks, String type, String code, String message) {
            return new ErrorMidStream(answer, chunks, type, code, message);
        }

        /** Waits {@code delay} (longer than the client's timeout, say) before answering with {@code then}. */
        static Stall stall(Duration delay, Step then) {
            return new Stall(delay, then);
        }
    }

    /** A 200 with a {@code chat.completion}; null content or refusal are sent as JSON null. */
    public record Answer(String content, String refusal, List<Call> toolCalls, String finishReason,
                         Optional<Tokens> usage) implements Step {
        public Answer {
            toolCalls = List.copyOf(toolCalls);
        }

        public Answer withUsage(long promptTokens, long completionTokens) {
            return new Answer(content, refusal, toolCalls, finishReason,
                    Optional.of(new Tokens(promptTokens, completionTokens)));
        }

        public Answer withFinishReason(String reason) {
            return new Answer(content, refusal, toolCalls, reason, usage);
        }
    }

    /** A tool call; {@code arguments} is sent as written, valid JSON or not. A null id is made up. */
    public record Call(String id, String name, String arguments) {
    }

    public record Tokens(long prompt, long completion) {
    }

    /** Any non-200 (or a 200 with a body that is not a completion): status, headers, body as given. */
    public record Failure(int status, Map<String, String> headers, String body) implements Step {
        public Failure {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        /** {@code retry-after} (seconds) or {@code retry-after-ms}, say. */
        public Failure withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Failure(status, more, body);
        }
    }

    public record Stall(Duration delay, Step then) implements Step {
    }

    public record CutShort(Answer answer, int chunks) implements Step {
    }

    public record ErrorMidStream(Answer answer, int chunks, String type, String code, String message) implements Step {
    }

    /**
     * The last chunk of a stream that asked for usage: OpenAI sends {@code choices: []} with the
     * usage; some compatible servers send {@code choices: null}, and some no usage chunk at all.
     */
    public enum UsageChunk { EMPTY_CHOICES, NULL_CHOICES, NONE }
}
