package com.todoapi.bench;

import com.todoapi.agent.ModelAnswer;
import com.todoapi.testing.FakeChatCompletions;
import com.todoapi.testing.FakeChatCompletions.Step;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The Chat Completions answers to one turn's requests, as the fake sends them over the wire
 * (the {@code chat.completion} object with its ids, usage and fingerprint), to the same rounds
 * {@link InstantModel} answers: what the client parses on each call.
 */
final class WireAnswers {
    private WireAnswers() {
    }

    static List<String> to(List<String> requestBodies) throws IOException, InterruptedException {
        try (FakeChatCompletions fake = FakeChatCompletions.start();
             HttpClient http = HttpClient.newHttpClient()) {
            InstantModel.ROUNDS.forEach(round -> fake.enqueue(step(round)));
            List<String> answers = new ArrayList<>();
            for (String body : requestBodies) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("The fake refused a request of the loop: " + response.body());
                }
                answers.add(response.body());
            }
            return answers;
        }
    }

    private static Step step(ModelAnswer round) {
        if (round.calls().isEmpty()) {
            return Step.text(round.text());
        }
        return Step.toolCalls(round.calls().stream().map(call -> Step.call(call.id(), call.tool(), call.arguments()))
                .toArray(FakeChatCompletions.Call[]::new));
    }
}
