package com.todoapi.e2e;

import com.todoapi.apikeys.ApiKeyFormat;
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
 * What the functions print never holds a bearer token, an API key or its digest, a password-like
 * field or the text people wrote: requests that succeed, fail validation, fail authentication
 * (a forged JWT, a mistyped and a revoked API key), are refused for a key's scope and go through
 * the chat worker, then every line the runtime and its function processes printed is searched.
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
        // A personal API key: made, used on REST and MCP, refused for scope and for a typo, revoked, refused.
        HttpResponse<String> made = client.send("POST", "/v1/api-keys", "{\"name\":\"reader\",\"scopes\":[\"read\"]}",
                "Authorization", auth);
        expect(201, made);
        String key = new com.fasterxml.jackson.databind.ObjectMapper().readTree(made.body()).get("key").asText();
        String mistyped = key.substring(0, 20) + (key.charAt(20) == 'a' ? 'b' : 'a') + key.substring(21);
        expect(200, client.send("GET", "/v1/tasks", null, "Authorization", "Bearer " + key));
        expect(403, client.send("POST", "/v1/tasks", "{\"title\":\"x\"}", "Authorization", "Bearer " + key));
        expect(403, client.send("GET", "/v1/api-keys", null, "Authorization", "Bearer " + key));
        expect(401, client.send("GET", "/v1/tasks", null, "Authorization", "Bearer " + mistyped));
        expect(204, client.send("DELETE", "/v1/api-keys/1", null, "Authorization", auth));
        expect(401, client.send("GET", "/v1/tasks", null, "Authorization", "Bearer " + key));
        List<String> keyTraces = List.of(key.substring(ApiKeyFormat.PREFIX.length()), mistyped.substring(ApiKeyFormat.PREFIX.length()),
                ApiKeyFormat.digest(key), ApiKeyFormat.digest(mistyped));
        Thread.sleep(1_000); // function output reaches the runtime's log through a pipe

        List<String> lines = log.lines();
        assertThat(lines).as("the runtime's log").isNotEmpty();
        assertThat(lines).as("some line is about these requests").anyMatch(l -> l.contains("\"status\":401"));
        for (String line : lines) {
            assertThat(line).as("a log line holds the token").doesNotContain(parts[1]).doesNotContain(parts[2])
                    .doesNotContain(new StringBuilder(parts[2]).reverse());
            keyTraces.forEach(trace -> assertThat(line).as("a log line holds an API key or its digest").doesNotContain(trace));
            secrets.forEach((what, secret) -> assertThat(line).as("a log line holds the " + what)
                    .doesNotContain(secret.substring(secret.indexOf(' ') + 1)));
            if (!ACCESS_LINE.matcher(line).find()) { // the front door's access line shows the path, as API Gateway's would
                assertThat(line).as("a function's log line names the user (it should hold a digest)").doesNotContain(user);
            }
        }
        System.out.printf("logs: %d lines checked for 2 tokens, 2 API keys and their digests, 5 secrets and the user id: "
                + "0 found%n", lines.size());
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + ": " + response.body())
                .isEqualTo(status);
    }
}
