package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text over HTTP through the local runtime: bytes that are not UTF-8, control, invisible
 * and bidirectional-override characters, duplicate keys, deep documents and ids out of range are
 * each a 400 saying what is wrong, and nothing is stored, on every route that takes text.
 */
@Tag(E2e.VOLUME)
@ExtendWith(LocalRuntimeExtension.class)
class HostileInputEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** JSON string contents (escapes as a client would send them) and the start of what the 400 says. */
    private static final Map<String, String> HOSTILE_TITLES = hostileTitles();

    private static Map<String, String> hostileTitles() {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("caf\\u0000e", "must not contain control characters");
        titles.put("Buy\\tmilk", "must not contain control characters");
        titles.put("Pay invoice \\u202Eexe.fdp", "must not contain bidirectional");
        titles.put("\\u2067hidden\\u2069", "must not contain bidirectional");
        titles.put("\\u200B\\u200D\\uFEFF", "must have a visible character");
        titles.put("\\u00A0\\u00AD", "must have a visible character");
        titles.put("caf\\uFFFD", "must not contain U+FFFD");
        titles.put("buy milk\\uDB40\\uDC69\\uDB40\\uDC67", "must not contain Unicode tag characters");
        return titles;
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedAndNothingIsStored(ServiceClient client) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        byte[] body = bytes("{\"title\":\"caf".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9},
                "\"}".getBytes(StandardCharsets.UTF_8));
        for (String contentType : new String[] {"application/json", "application/json; charset=utf-8",
                "application/octet-stream"}) {
            HttpResponse<String> refused = client.send(client.request("/v1/tasks")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Authorization", auth).header("Content-Type", contentType).build());
            assertProblem(refused, "body", "is not valid UTF-8");
        }
        HttpResponse<String> message = client.send(client.request("/v1/conversations/" + conversation(client, auth)
                        + "/messages")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes("{\"content\":\"caf".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xE9}, "\"}".getBytes(StandardCharsets.UTF_8))))
                .header("Authorization", auth).header("Content-Type", "application/json").build());
        assertProblem(message, "body", "is not valid UTF-8");

        assertThat(items(client, auth, "/v1/tasks")).isEmpty();
        assertThat(items(client, auth, "/v1/conversations/1/messages")).isEmpty();
    }

    @Test
    void hostileTitlesAndDescriptionsAreRefusedOnCreateAndPatchAndNothingIsStored(ServiceClient client) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        HOSTILE_TITLES.forEach((title, problem) -> {
            assertProblem(client.send("POST", "/v1/tasks", "{\"title\":\"" + title + "\"}", "Authorization", auth),
                    "title", problem);
            assertProblem(client.send("POST", "/v1/tasks", "{\"title\":\"Fine\",\"description\":\"" + title
                    .replace("\\t", "\\u0007") + "\"}", "Authorization", auth), "description",
                    problem.replace("must not contain control characters", "must not contain control characters other"));
        });
        assertThat(items(client, auth, "/v1/tasks")).isEmpty();

        assertThat(client.send("POST", "/v1/tasks", "{\"title\":\"Buy milk\",\"description\":\"two\\n\\tlitres\"}",
                "Authorization", auth).statusCode()).isEqualTo(201);
        HOSTILE_TITLES.forEach((title, problem) -> assertProblem(client.send("PATCH", "/v1/tasks/1",
                "{\"title\":\"" + title + "\"}", "Authorization", auth), "title", problem));
        JsonNode task = JSON.readTree(client.send("GET", "/v1/tasks/1", null, "Authorization", auth).body());
        assertThat(task.get("title").asText()).isEqualTo("Buy milk");
        assertThat(task.get("description").asText()).isEqualTo("two\n\tlitres");
        assertThat(task.get("version").asLong()).as("no PATCH went through").isEqualTo(1);
    }

    @Test
    void hostileLabelsSearchWordsAndTimesAreRefusedAndNothingIsStored(ServiceClient client) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        HOSTILE_TITLES.forEach((text, problem) -> {
            assertProblem(client.send("POST", "/v1/tasks", "{\"title\":\"Fine\",\"labels\":[\"ok\",\"" + text + "\"]}",
                    "Authorization", auth), "labels", "each label " + problem);
            String decoded = decoded(text);
            String encoded = java.net.URLEncoder.encode(decoded, StandardCharsets.UTF_8);
            assertProblem(client.send("GET", "/v1/tasks?q=" + encoded, null, "Authorization", auth), "q", problem);
            assertProblem(client.send("GET", "/v1/tasks?label=" + encoded, null, "Authorization", auth), "label", problem);
        });
        for (String time : new String[] {"2026-12-06\\u0000", "2026-12-06T17:00\\u202E", "\\u0662\\u0660\\u0662\\u0666-12-06",
                "2026-12-06T17:00+05:30\\n", "9".repeat(41)}) {
            assertProblem(client.send("POST", "/v1/tasks", "{\"title\":\"Fine\",\"due\":\"" + time + "\"}",
                    "Authorization", auth), "due", "must be a day");
            assertProblem(client.send("POST", "/v1/tasks", "{\"title\":\"Fine\",\"remind_at\":\"" + time + "\"}",
                    "Authorization", auth), "remind_at", "must be a day");
        }
        assertProblem(client.send("POST", "/v1/tasks", "{\"title\":\"Fine\",\"due\":\"2026-12-06\",\"recurrence\":"
                + "\"FREQ=DAILY;X-EVIL=\\u202E\"}", "Authorization", auth), "recurrence", "supports only");
        assertThat(items(client, auth, "/v1/tasks")).isEmpty();
    }

    private static String decoded(String jsonEscaped) {
        try {
            return JSON.readTree("\"" + jsonEscaped + "\"").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void hostileConversationTitlesAndMessagesAreRefusedOnEveryChatRouteAndNothingIsStored(ServiceClient client)
            throws Exception {
        String user = Tokens.newUser();
        String auth = Tokens.bearer(user);
        HOSTILE_TITLES.forEach((title, problem) -> assertProblem(client.send("POST", "/v1/conversations",
                "{\"title\":\"" + title + "\"}", "Authorization", auth), "title", problem));
        assertThat(items(client, auth, "/v1/conversations")).isEmpty();

        long conversation = conversation(client, auth);
        HOSTILE_TITLES.forEach((text, problem) -> {
            String content = text.replace("\\t", "\\u0007");
            String inLines = problem.replace("must not contain control characters", "must not contain control characters other");
            assertProblem(client.send("POST", "/v1/conversations/" + conversation + "/messages",
                    "{\"content\":\"" + content + "\"}", "Authorization", auth), "content", inLines);
            assertProblem(client.send("POST", "/api/" + user + "/chat", "{\"message\":\"" + content + "\"}",
                    "Authorization", auth), "message", inLines);
            assertProblem(client.send("POST", "/api/" + user + "/chat", "{\"conversation_id\":" + conversation
                    + ",\"message\":\"" + content + "\"}", "Authorization", auth), "message", inLines);
        });
        assertThat(items(client, auth, "/v1/conversations")).as("only the one created here").hasSize(1);
        assertThat(items(client, auth, "/v1/conversations/" + conversation + "/messages")).isEmpty();
        assertThat(items(client, auth, "/v1/tasks")).as("no assistant ran").isEmpty();
    }

    @Test
    void aDuplicateKeyAndATooDeepDocumentAreToldAsSuch(ServiceClient client) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        assertProblem(client.send("POST", "/v1/tasks", "{\"title\":\"a\",\"title\":\"b\"}", "Authorization", auth),
                "body", "must not repeat a field (\"title\" appears twice)");
        String deep = "{\"title\":\"a\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}";
        assertProblem(client.send("POST", "/v1/tasks", deep, "Authorization", auth),
                "body", "must not nest arrays and objects more than 32 deep");
        assertThat(items(client, auth, "/v1/tasks")).isEmpty();
    }

    @Test
    void idsBeyondTheRangeAreToldAsOutOfRange(ServiceClient client) throws Exception {
        String auth = Tokens.bearer(Tokens.newUser());
        for (String id : new String[] {"1000000000000", "9223372036854775807", "99999999999999999999999"}) {
            assertProblem(client.send("GET", "/v1/tasks/" + id, null, "Authorization", auth),
                    "task_id", "must be at most 999999999999");
            assertProblem(client.send("PATCH", "/v1/tasks/" + id, "{\"completed\":true}", "Authorization", auth),
                    "task_id", "must be at most 999999999999");
            assertProblem(client.send("GET", "/v1/conversations/" + id, null, "Authorization", auth),
                    "conversation_id", "must be at most 999999999999");
            assertProblem(client.send("GET", "/v1/conversations/" + id + "/messages", null, "Authorization", auth),
                    "conversation_id", "must be at most 999999999999");
        }
        assertProblem(client.send("GET", "/v1/tasks/0", null, "Authorization", auth), "task_id", "must be a positive integer");
    }

    private static long conversation(ServiceClient client, String auth) throws Exception {
        HttpResponse<String> created = client.send("POST", "/v1/conversations", "{}", "Authorization", auth);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private static JsonNode items(ServiceClient client, String auth, String path) throws Exception {
        HttpResponse<String> response = client.send("GET", path, null, "Authorization", auth);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("items");
    }

    private static void assertProblem(HttpResponse<String> response, String field, String problemStart) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri().getPath() + ": "
                + response.body()).isEqualTo(400);
        try {
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("invalid_request");
            assertThat(error.get("request_id").asText()).isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
            assertThat(error.get("details")).as(response.body()).singleElement().satisfies(detail -> {
                assertThat(detail.get("field").asText()).isEqualTo(field);
                assertThat(detail.get("problem").asText()).startsWith(problemStart);
            });
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
