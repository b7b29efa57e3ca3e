package com.todoapi.e2e;

import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.RuntimeLog;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the functions print never holds a bearer token, a password-like field or the text people
 * wrote: requests that succeed, fail validation, fail authentication and go through the chat
 * worker, then every line the runtime and its function processes printed is searched.
 */
@Tag(E2e.PER_REQUEST)
@ExtendWith(LocalRuntimeExtension.class)
class LogHygieneEndToEndTest {
    private static final Pattern ACCESS_LINE = Pattern.compile("^(GET|POST|PATCH|PUT|DELETE) /");

    @Test
    void noLogLineHoldsATokenAPasswordOrWhatPeopleWrote(ServiceClient client, RuntimeLog log) throws Exception {
        String user = Tokens.newUser();
        String auth = Tokens.bearer(user);
        String token = auth.substring("Bearer ".length());
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        Map<String, String> secrets = Map.of(
                "task title", "title " + UUID.randomUUID(),
                "chat message", "groceries " + UUID.randomUUID(),
                "compatibility message", "dentist " + UUID.randomUUID(),
                "password field", "hunter2-" + UUID.randomUUID(),
                "malformed body", "broken " + UUID.randomUUID());

        expect(201, client.send("POST", "/v1/tasks", "{\"title\":\"" + secrets.get("task title") + "\"}",
                "Authorization", auth));
        expect(201, client.send("POST", "/v1/conversations", "{}", "Authorization", auth));
        expect(200, client.send("POST", "/v1/conversations/1/messages",
                "{\"content\":\"Add a task to buy " + secrets.get("chat message") + "\"}", "Authorization", auth,
                "Prefer", "wait=20"));
        expect(200, client.send("POST", "/api/" + user + "/chat",
                "{\"message\":\"Remind me: " + secrets.get("compatibility message") + "\"}", "Authorization", auth,
                "Prefer", "wait=20"));
        expect(400, client.send("POST", "/v1/tasks", "{\"title\":\"x\",\"password\":\"" + secrets.get("password field")
                + "\"}", "Authorization", auth));
        expect(400, client.send("POST", "/v1/tasks", "{\"title\": \"" + secrets.get("malformed body"),
                "Authorization", auth));
        expect(401, client.send("POST", "/v1/tasks", "{\"title\":\"x\"}", "Authorization", "Bearer " + forged));
        expect(401, client.send("GET", "/v1/tasks", null, "Authorization", "Bearer " + token + "x"));
        Thread.sleep(1_000); // function output reaches the runtime's log through a pipe

        List<String> lines = log.lines();
        assertThat(lines).as("the runtime's log").isNotEmpty();
        assertThat(lines).as("some line is about these requests").anyMatch(l -> l.contains("\"status\":401"));
        for (String line : lines) {
            assertThat(line).as("a log line holds the token").doesNotContain(parts[1]).doesNotContain(parts[2])
                    .doesNotContain(new StringBuilder(parts[2]).reverse());
            secrets.forEach((what, secret) -> assertThat(line).as("a log line holds the " + what)
                    .doesNotContain(secret.substring(secret.indexOf(' ') + 1)));
            if (!ACCESS_LINE.matcher(line).find()) { // the front door's access line shows the path, as API Gateway's would
                assertThat(line).as("a function's log line names the user (it should hold a digest)").doesNotContain(user);
            }
        }
        System.out.printf("logs: %d lines checked for 2 tokens, 5 secrets and the user id: 0 found%n", lines.size());
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + ": " + response.body())
                .isEqualTo(status);
    }
}
