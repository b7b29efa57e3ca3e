package com.todoapi.agent.openai;

import com.todoapi.agent.model.ModelRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The OpenAI-compatible client's own work per model call, without the network: writing the
 * request's JSON ({@code body}) and reading the answer ({@code answer}), the two halves of
 * {@code complete} around the HTTP exchange. A benchmark, in this package only because both are
 * package-private; it is no part of the client.
 */
public final class OpenAiClientWork {
    /** Per call, in microseconds: the request written, the answer read. */
    public record Result(double bodyP50, double bodyP99, double answerP50, double answerP99) {
    }

    private final OpenAiChatClient client;

    public OpenAiClientWork(String model) {
        // Never sends: only its request writing and answer reading are used.
        this.client = new OpenAiChatClient(OpenAiSettings.bearer(URI.create("http://127.0.0.1:9/v1"), model, Optional.empty()));
    }

    /** Each request as the client sends it. */
    public List<String> bodies(List<ModelRequest> requests) {
        return requests.stream().map(client::body).toList();
    }

    /**
     * {@code times} rounds after {@code warmUp}, each writing every request and reading every
     * answer (the calls of one turn, in order), each timed on its own.
     */
    /** Reads one streamed answer (server-sent chunks) as the client does, its text told to no one. */
    private static void read(String answer) {
        try {
            OpenAiChatClient.streamedAnswer(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)),
                    text -> { }, 60_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result measure(List<ModelRequest> requests, List<String> answers, int warmUp, int times) {
        for (int i = 0; i < warmUp; i++) {
            for (int call = 0; call < requests.size(); call++) {
                client.body(requests.get(call));
                read(answers.get(call));
            }
        }
        List<Double> bodies = new ArrayList<>();
        List<Double> parsed = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            for (int call = 0; call < requests.size(); call++) {
                long started = System.nanoTime();
                client.body(requests.get(call));
                long written = System.nanoTime();
                read(answers.get(call));
                long read = System.nanoTime();
                bodies.add((written - started) / 1e3);
                parsed.add((read - written) / 1e3);
            }
        }
        return new Result(percentile(bodies, 50), percentile(bodies, 99), percentile(parsed, 50), percentile(parsed, 99));
    }

    private static double percentile(List<Double> values, int percent) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
