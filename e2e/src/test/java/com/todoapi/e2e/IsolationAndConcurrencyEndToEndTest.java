package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees what, and what concurrent writers get, over HTTP through the local runtime. */
@ExtendWith(LocalRuntimeExtension.class)
class IsolationAndConcurrencyEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Tag(E2e.PER_REQUEST)
    @Test
    void anotherUsersTasksConversationsAndMessagesAreNotFoundOnEveryRoute(ServiceClient client) throws Exception {
        String owner = Tokens.newUser();
        String ownerAuth = Tokens.bearer(owner);
        assertThat(client.send("POST", "/v1/tasks", "{\"title\":\"Private\"}", "Authorization", ownerAuth).statusCode())
                .isEqualTo(201);
        assertThat(client.send("POST", "/v1/conversations", "{\"title\":\"Private\"}", "Authorization", ownerAuth)
                .statusCode()).isEqualTo(201);
        assertThat(client.send("POST", "/v1/conversations/1/messages", "{\"content\":\"secret plans\"}",
                "Authorization", ownerAuth).statusCode()).isEqualTo(202);

        String stranger = Tokens.newUser();
        String auth = Tokens.bearer(stranger);
        List<String[]> routes = List.of(
                new String[]{"GET", "/v1/tasks/1", null},
                new String[]{"PATCH", "/v1/tasks/1", "{\"title\":\"Mine now\"}"},
                new String[]{"DELETE", "/v1/tasks/1", null},
                new String[]{"GET", "/v1/conversations/1", null},
                new String[]{"GET", "/v1/conversations/1/messages", null},
                new String[]{"POST", "/v1/conversations/1/messages", "{\"content\":\"hello\"}"},
                new String[]{"DELETE", "/v1/conversations/1", null},
                new String[]{"POST", "/api/" + stranger + "/chat", "{\"conversation_id\":1,\"message\":\"hello\"}"});
        for (String[] route : routes) {
            HttpResponse<String> response = client.send(route[0], route[1], route[2], "Authorization", auth);
            assertThat(response.statusCode()).as(route[0] + " " + route[1]).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).at("/error/code").asText()).isEqualTo("not_found");
        }
        assertThat(JSON.readTree(client.send("GET", "/v1/tasks", null, "Authorization", auth).body()).get("items")).isEmpty();
        assertThat(JSON.readTree(client.send("GET", "/v1/conversations", null, "Authorization", auth).body()).get("items"))
                .isEmpty();
        assertThat(client.send("POST", "/api/" + owner + "/chat", "{\"message\":\"hello\"}", "Authorization", auth)
                .statusCode()).as("the compatibility route with the owner's id").isEqualTo(403);
        JsonNode ownersTask = JSON.readTree(client.send("GET", "/v1/tasks/1", null, "Authorization", ownerAuth).body());
        assertThat(ownersTask.get("title").asText()).isEqualTo("Private");
        assertThat(ownersTask.get("version").asLong()).isEqualTo(1);
    }

    @Tag(E2e.VOLUME)
    @Test
    void tenParallelPatchesWithOneIfMatchGiveOneSuccessAndNinePreconditionFailures(ServiceClient client) {
        String auth = Tokens.bearer(Tokens.newUser());
        assertThat(client.send("POST", "/v1/tasks", "{\"title\":\"Contended\"}", "Authorization", auth).statusCode())
                .isEqualTo(201);
        List<Integer> statuses = parallel(10, i -> client.send("PATCH", "/v1/tasks/1", "{\"title\":\"Writer " + i + "\"}",
                "Authorization", auth, "If-Match", "\"1\"").statusCode());
        long ok = statuses.stream().filter(s -> s == 200).count();
        long stale = statuses.stream().filter(s -> s == 412).count();
        System.out.printf("10 parallel PATCHes with If-Match \"1\": %d x 200, %d x 412, other %d%n", ok, stale,
                statuses.size() - ok - stale);
        assertThat(ok).isEqualTo(1);
        assertThat(stale).isEqualTo(9);
    }

    @Tag(E2e.VOLUME)
    @Test
    void peopleChattingAtOnceOnlyEverSeeTheirOwnTasks(ServiceClient client) {
        int people = 4;
        List<String> users = IntStream.range(0, people).mapToObj(i -> Tokens.newUser()).toList();
        List<String> words = IntStream.range(0, people).mapToObj(i -> "errand" + (char) ('a' + i) + "x").toList();
        List<String> replies = parallel(people, i -> {
            String auth = Tokens.bearer(users.get(i));
            HttpResponse<String> added = client.send("POST", "/api/" + users.get(i) + "/chat",
                    "{\"message\":\"Add a task to " + words.get(i) + "\"}", "Authorization", auth);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
            long conversation = read(added.body()).get("conversation_id").asLong();
            HttpResponse<String> listed = client.send("POST", "/api/" + users.get(i) + "/chat",
                    "{\"conversation_id\":" + conversation + ",\"message\":\"Show me all my tasks\"}", "Authorization", auth);
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            return read(listed.body()).get("response").asText().toLowerCase();
        });
        for (int i = 0; i < people; i++) {
            assertThat(replies.get(i)).contains(words.get(i));
            for (int j = 0; j < people; j++) {
                if (j != i) {
                    assertThat(replies.get(i)).doesNotContain(words.get(j));
                }
            }
        }
        System.out.printf("%d people chatting at once: each saw only their own task, leaks 0%n", people);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static <T> List<T> parallel(int count, java.util.function.IntFunction<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<CompletableFuture<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(CompletableFuture.supplyAsync(() -> call.apply(index), pool));
            }
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }
}
