package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.testing.EmfFormat;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.RuntimeLog;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics the functions print, as CloudWatch would read them: a chat turn, an idempotent
 * replay and a rate-limited request, then every embedded-metric-format line among what the
 * functions printed must follow the format, hold nothing but its metrics and their dimensions,
 * and between them count each of the three.
 */
@ExtendWith(LocalRuntimeExtension.class)
class MetricsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Tag(E2e.VOLUME) // the rate limit takes over a hundred requests
    void theFunctionsPrintValidEmbeddedMetricsForChatReplaysAndRateLimits(ServiceClient client, RuntimeLog log)
            throws Exception {
        String user = Tokens.newUser();
        String auth = Tokens.bearer(user);
        String title = "metrics " + UUID.randomUUID();
        String key = "metrics-" + UUID.randomUUID();

        expect(201, client.send("POST", "/v1/tasks", "{\"title\":\"" + title + "\"}", "Authorization", auth,
                "Idempotency-Key", key));
        HttpResponse<String> replay = client.send("POST", "/v1/tasks", "{\"title\":\"" + title + "\"}",
                "Authorization", auth, "Idempotency-Key", key);
        expect(201, replay);
        assertThat(replay.headers().firstValue("idempotent-replayed")).hasValue("true");
        expect(201, client.send("POST", "/v1/conversations", "{}", "Authorization", auth));
        HttpResponse<String> chat = client.send("POST", "/v1/conversations/1/messages",
                "{\"content\":\"Add a task to buy oat milk\"}", "Authorization", auth, "Prefer", "wait=20");
        expect(200, chat);
        assertThat(chat.body()).contains("add_task");
        assertThat(rateLimited(client, auth)).as("a request over the limit").isTrue();
        Thread.sleep(1_000); // function output reaches the runtime's log through a pipe

        List<String> emf = new ArrayList<>();
        for (String line : log.lines()) {
            int json = line.indexOf('{');
            if (json >= 0 && EmfFormat.claims(line.substring(json))) {
                emf.add(line.substring(json));
            }
        }
        Set<String> counted = new HashSet<>();
        for (String line : emf) {
            assertThat(EmfFormat.problems(line)).as(line).isEmpty();
            assertThat(EmfFormat.members(line)).as("nothing but metrics and dimensions: " + line)
                    .isEqualTo(EmfFormat.referencedMembers(line));
            assertThat(line).doesNotContain(user).doesNotContain(title).doesNotContain("oat milk");
            JSON.readTree(line).fieldNames().forEachRemaining(counted::add);
        }
        assertThat(counted).as("the metrics these requests counted")
                .contains("IdempotentReplays", "RequestsRateLimited", "RepliesCompleted", "ToolCalls");
        JsonNode toolCall = emf.stream().map(MetricsEndToEndTest::tree).filter(l -> l.has("ToolCalls")
                && "add_task".equals(l.path("Tool").asText())).findFirst().orElseThrow();
        assertThat(toolCall.path("Outcome").asText()).isEqualTo("ok");
        assertThat(toolCall.at("/_aws/CloudWatchMetrics/0/Namespace").asText())
                .as("the template's METRICS_NAMESPACE, with the local stack name").isEqualTo("TodoApi/local");
        System.out.printf("metrics: %d EMF lines checked against the format, 0 broke it%n", emf.size());
    }

    /** Requests until one is refused: at most the limit twice over, in case a window turns over mid-way. */
    private static boolean rateLimited(ServiceClient client, String auth) {
        HttpResponse<String> first = client.send("GET", "/v1/tasks", null, "Authorization", auth);
        int limit = Integer.parseInt(first.headers().firstValue("ratelimit-limit").orElseThrow());
        for (int i = 0; i < 2 * limit + 1; i++) {
            if (client.send("GET", "/v1/tasks", null, "Authorization", auth).statusCode() == 429) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalArgumentException(line, e);
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + ": " + response.body())
                .isEqualTo(status);
    }
}
