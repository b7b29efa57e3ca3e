package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time through the local runtime: the person's zone on /v1/me, the planning fields on the task
 * routes, recurring completion, every filter and order across pages, and the tools over MCP.
 */
@ExtendWith(LocalRuntimeExtension.class)
class TimeEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MCP_VERSION = "2025-11-25";

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json(response.body());
    }

    private static void assertInvalid(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = json(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid_request");
        assertThat(error.get("details").findValuesAsText("field")).contains(field);
    }

    @Test
    void theTimeZoneIsReadSetClearedAndCheckedOnMe(ServiceClient client) {
        String auth = Tokens.bearer(Tokens.newUser());
        JsonNode fresh = ok(client.send("GET", "/v1/me", null, "Authorization", auth), 200);
        assertThat(fresh.get("time_zone").isNull()).isTrue();
        assertThat(fresh.get("effective_time_zone").asText()).isEqualTo("UTC");

        assertInvalid(client.send("PATCH", "/v1/me", "{\"time_zone\":\"Mars/Olympus_Mons\"}", "Authorization", auth), "time_zone");
        assertInvalid(client.send("PATCH", "/v1/me", "{\"time_zone\":\"+02:00\"}", "Authorization", auth), "time_zone");
        assertInvalid(client.send("PATCH", "/v1/me", "{\"time_zone\":7}", "Authorization", auth), "time_zone");
        assertInvalid(client.send("PATCH", "/v1/me", "{\"zone\":\"UTC\"}", "Authorization", auth), "zone");
        assertInvalid(client.send("PATCH", "/v1/me", "{}", "Authorization", auth), "body");

        JsonNode set = ok(client.send("PATCH", "/v1/me", "{\"time_zone\":\"America/New_York\"}", "Authorization", auth), 200);
        assertThat(set.get("time_zone").asText()).isEqualTo("America/New_York");
        assertThat(ok(client.send("GET", "/v1/me", null, "Authorization", auth), 200).get("effective_time_zone").asText())
                .isEqualTo("America/New_York");

        JsonNode cleared = ok(client.send("PATCH", "/v1/me", "{\"time_zone\":null}", "Authorization", auth), 200);
        assertThat(cleared.get("time_zone").isNull()).isTrue();
        assertThat(cleared.get("effective_time_zone").asText()).isEqualTo("UTC");
    }

    @Test
    void theFieldsAreValidatedStoredAndShownAsGiven(ServiceClient client) {
        String auth = Tokens.bearer(Tokens.newUser());
        ok(client.send("PATCH", "/v1/me", "{\"time_zone\":\"Europe/Madrid\"}", "Authorization", auth), 200);

        JsonNode plain = ok(client.send("POST", "/v1/tasks", "{\"title\":\"Nothing planned\"}", "Authorization", auth), 201);
        assertThat(plain.get("due").isNull()).isTrue();
        assertThat(plain.get("priority").asText()).isEqualTo("none");
        assertThat(plain.get("labels")).isEmpty();
        assertThat(plain.get("remind_at").isNull()).isTrue();
        assertThat(plain.get("reminded_at").isNull()).isTrue();

        JsonNode task = ok(client.send("POST", "/v1/tasks", """
                {"title":"Dentist","due":"2026-12-07T17:00","priority":"high","labels":["Health"," health ","Errands"],
                 "recurrence":"freq=monthly;byday=1mo","remind_at":"2026-12-07T16:30"}""", "Authorization", auth), 201);
        assertThat(task.get("due").asText()).isEqualTo("2026-12-07T17:00");
        assertThat(task.get("due_at").asText()).isEqualTo("2026-12-07T16:00:00.000Z");
        assertThat(task.get("priority").asText()).isEqualTo("high");
        assertThat(task.get("labels")).extracting(JsonNode::asText).containsExactly("Health", "Errands");
        assertThat(task.get("recurrence").asText()).isEqualTo("FREQ=MONTHLY;BYDAY=1MO");
        assertThat(task.get("remind_at").asText()).isEqualTo("2026-12-07T16:30");
        assertThat(task.get("remind_instant").asText()).isEqualTo("2026-12-07T15:30:00.000Z");
        long id = task.get("id").asLong();
        assertThat(ok(client.send("GET", "/v1/tasks/" + id, null, "Authorization", auth), 200)).isEqualTo(task);

        JsonNode fixed = ok(client.send("POST", "/v1/tasks", "{\"title\":\"Call\",\"due\":\"2026-12-07T17:00-05:00\"}",
                "Authorization", auth), 201);
        assertThat(fixed.get("due_at").asText()).isEqualTo("2026-12-07T22:00:00.000Z");
        JsonNode day = ok(client.send("POST", "/v1/tasks", "{\"title\":\"Rent\",\"due\":\"2026-12-01\"}", "Authorization", auth), 201);
        assertThat(day.get("due_at").isNull()).isTrue();

        assertInvalid(client.send("POST", "/v1/tasks", "{\"title\":\"x\",\"due\":\"2026-02-30\"}", "Authorization", auth), "due");
        assertInvalid(client.send("POST", "/v1/tasks", "{\"title\":\"x\",\"due\":\"next week\"}", "Authorization", auth), "due");
        assertInvalid(client.send("POST", "/v1/tasks", "{\"title\":\"x\",\"priority\":\"urgent\"}", "Authorization", auth), "priority");
        assertInvalid(client.send("POST", "/v1/tasks", "{\"title\":\"x\",\"labels\":\"work\"}", "Authorization", auth), "labels");
        assertInvalid(client.send("POST", "/v1/tasks", "{\"title\":\"x\",\"labels\":[\"a\\u202eb\"]}", "Authorization", auth), "labels");
        assertInvalid(client.send("POST", "/v1/tasks", "{\"title\":\"x\",\"labels\":[\"" + "l".repeat(51) + "\"]}",
                "Authorization", auth), "labels");
        assertInvalid(client.send("POST", "/v1/tasks", "{\"title\":\"x\",\"recurrence\":\"FREQ=WEEKLY\"}", "Authorization", auth),
                "recurrence");
        assertInvalid(client.send("POST", "/v1/tasks", "{\"title\":\"x\",\"due\":\"2026-12-01\",\"recurrence\":\"FREQ=HOURLY\"}",
                "Authorization", auth), "recurrence");
        assertInvalid(client.send("POST", "/v1/tasks", "{\"title\":\"x\",\"remind_at\":\"2026-12-01\"}", "Authorization", auth),
                "remind_at");
        // Nothing was half-written by the refusals: the user has the three tasks made above and no other.
        assertThat(ok(client.send("GET", "/v1/tasks", null, "Authorization", auth), 200).get("items")).hasSize(4);

        JsonNode cleared = ok(client.send("PATCH", "/v1/tasks/" + id, """
                {"recurrence":null,"due":null,"priority":null,"labels":null,"remind_at":null}""", "Authorization", auth), 200);
        assertThat(cleared.get("due").isNull()).isTrue();
        assertThat(cleared.get("recurrence").isNull()).isTrue();
        assertThat(cleared.get("priority").asText()).isEqualTo("none");
        assertThat(cleared.get("labels")).isEmpty();
        assertThat(cleared.get("remind_instant").isNull()).isTrue();
        assertInvalid(client.send("PATCH", "/v1/tasks/" + id, "{\"recurrence\":\"FREQ=DAILY\"}", "Authorization", auth),
                "recurrence");
    }

    @Test
    void aWeeklyTaskCompletedIsDueAWeekLaterOnceHoweverOftenTheCompletionIsSent(ServiceClient client) {
        String auth = Tokens.bearer(Tokens.newUser());
        ok(client.send("PATCH", "/v1/me", "{\"time_zone\":\"America/New_York\"}", "Authorization", auth), 200);
        // Across New York's change to daylight time (2027-03-14): 17:00 stays 17:00 on the wall.
        JsonNode task = ok(client.send("POST", "/v1/tasks", """
                {"title":"Team report","due":"2027-03-10T17:00","recurrence":"FREQ=WEEKLY;COUNT=3"}""",
                "Authorization", auth), 201);
        assertThat(task.get("due_at").asText()).isEqualTo("2027-03-10T22:00:00.000Z");
        String path = "/v1/tasks/" + task.get("id").asLong();

        JsonNode next = ok(client.send("PATCH", path, "{\"completed\":true}", "Authorization", auth,
                "Idempotency-Key", "complete-1"), 200);
        assertThat(next.get("completed").asBoolean()).isFalse();
        assertThat(next.get("due").asText()).isEqualTo("2027-03-17T17:00");
        assertThat(next.get("due_at").asText()).isEqualTo("2027-03-17T21:00:00.000Z");
        // The same completion sent again: the first answer, no second move.
        JsonNode again = ok(client.send("PATCH", path, "{\"completed\":true}", "Authorization", auth,
                "Idempotency-Key", "complete-1"), 200);
        assertThat(again.get("due").asText()).isEqualTo("2027-03-17T17:00");
        assertThat(ok(client.send("GET", path, null, "Authorization", auth), 200).get("version").asLong()).isEqualTo(2);
        // With If-Match, a completion of a version already moved on is refused.
        assertThat(client.send("PATCH", path, "{\"completed\":true}", "Authorization", auth, "If-Match", "\"1\"")
                .statusCode()).isEqualTo(412);

        JsonNode third = ok(client.send("PATCH", path, "{\"completed\":true}", "Authorization", auth, "If-Match", "\"2\""), 200);
        assertThat(third.get("due").asText()).isEqualTo("2027-03-24T17:00");
        JsonNode done = ok(client.send("PATCH", path, "{\"completed\":true}", "Authorization", auth, "If-Match", "\"3\""), 200);
        assertThat(done.get("completed").asBoolean()).as("COUNT=3 ends the series").isTrue();
        assertThat(done.get("due").asText()).isEqualTo("2027-03-24T17:00");
    }

    /** Fifteen tasks whose every order and filter is known, paged four at a time. */
    @Test
    void everyFilterAndOrderWalksEveryMatchingTaskOnceAcrossPages(ServiceClient client) {
        String auth = Tokens.bearer(Tokens.newUser());
        ok(client.send("PATCH", "/v1/me", "{\"time_zone\":\"Asia/Tokyo\"}", "Authorization", auth), 200);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        String[] priorities = {"none", "low", "medium", "high"};
        String[] titles = {"Échelle", "apple", "Banana", "cherry", "date", "Elder", "fig", "Grape", "honeydew", "Ice",
                "jam", "Kiwi", "lime", "Mango", "nut"};
        for (int i = 0; i < 15; i++) {
            String due = i % 3 == 0 ? "" : ",\"due\":\"" + today.plusDays(i % 5 - 2) + (i % 2 == 0 ? "T09:00\"" : "\"");
            String labels = i % 4 == 0 ? ",\"labels\":[\"Work\"]" : "";
            String body = "{\"title\":\"" + titles[i] + "\",\"description\":\"note " + (i % 2 == 0 ? "taxes café" : "other")
                    + "\",\"priority\":\"" + priorities[i % 4] + "\"" + due + labels + "}";
            ok(client.send("POST", "/v1/tasks", body, "Authorization", auth), 201);
        }
        List<JsonNode> everything = walk(client, auth, "sort=created");
        assertThat(everything).extracting(t -> t.get("id").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);

        for (String sort : List.of("due", "priority", "title")) {
            List<JsonNode> sorted = walk(client, auth, "sort=" + sort);
            assertThat(sorted).as(sort).hasSize(15);
            assertThat(sorted.stream().map(t -> t.get("id").asLong()).distinct().count()).isEqualTo(15);
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(compare(sort, sorted.get(i - 1), sorted.get(i))).as(sort + " at " + i).isLessThan(0);
            }
        }

        List<JsonNode> overdue = walk(client, auth, "overdue=true&sort=due");
        assertThat(overdue).isNotEmpty();
        assertThat(overdue).allSatisfy(t -> assertThat(LocalDate.parse(t.get("due").asText().substring(0, 10)))
                .isBeforeOrEqualTo(today));
        assertThat(walk(client, auth, "overdue=false")).hasSize(15 - overdue.size());
        assertThat(walk(client, auth, "label=WORK")).extracting(t -> t.get("id").asLong()).containsExactly(1L, 5L, 9L, 13L);
        assertThat(walk(client, auth, "priority=high&sort=title")).extracting(t -> t.get("title").asText())
                .containsExactly("cherry", "Grape", "Kiwi");
        assertThat(walk(client, auth, "q=" + URLEncoder.encode("TAXES cafe", StandardCharsets.UTF_8)))
                .extracting(t -> t.get("id").asLong()).containsExactly(1L, 3L, 5L, 7L, 9L, 11L, 13L, 15L);
        assertThat(walk(client, auth, "q=echelle")).extracting(t -> t.get("title").asText()).containsExactly("Échelle");
        List<JsonNode> dueSoon = walk(client, auth, "due_after=" + today.minusDays(1) + "&due_before=" + today.plusDays(2)
                + "&sort=due");
        assertThat(dueSoon).isNotEmpty().allSatisfy(t -> {
            LocalDate day = LocalDate.parse(t.get("due").asText().substring(0, 10));
            assertThat(day).isAfterOrEqualTo(today).isBeforeOrEqualTo(today.plusDays(1));
        });

        // A cursor belongs to its filter and order.
        String cursor = ok(client.send("GET", "/v1/tasks?sort=due&limit=2", null, "Authorization", auth), 200)
                .get("next_cursor").asText();
        assertInvalid(client.send("GET", "/v1/tasks?sort=title&limit=2&cursor=" + cursor, null, "Authorization", auth), "cursor");
        assertInvalid(client.send("GET", "/v1/tasks?sort=due&label=work&limit=2&cursor=" + cursor, null, "Authorization", auth),
                "cursor");
        assertInvalid(client.send("GET", "/v1/tasks?sort=soonest", null, "Authorization", auth), "sort");
        assertInvalid(client.send("GET", "/v1/tasks?overdue=yes", null, "Authorization", auth), "overdue");
        assertInvalid(client.send("GET", "/v1/tasks?due_before=2026-02-30", null, "Authorization", auth), "due_before");
        assertInvalid(client.send("GET", "/v1/tasks?priority=urgent", null, "Authorization", auth), "priority");
    }

    /** The order the API promises, checked pairwise: the earlier task must come first (ties by number). */
    private static int compare(String sort, JsonNode a, JsonNode b) {
        int byKey = switch (sort) {
            case "due" -> {
                boolean aUndated = a.get("due").isNull();
                boolean bUndated = b.get("due").isNull();
                if (aUndated || bUndated) {
                    yield Boolean.compare(aUndated, bUndated);
                }
                yield dueStart(a).compareTo(dueStart(b));
            }
            case "priority" -> Integer.compare(rank(b), rank(a));
            case "title" -> fold(a.get("title").asText()).compareTo(fold(b.get("title").asText()));
            default -> 0;
        };
        return byKey != 0 ? byKey : Long.compare(a.get("id").asLong(), b.get("id").asLong());
    }

    private static java.time.Instant dueStart(JsonNode task) {
        return task.get("due_at").isNull()
                ? LocalDate.parse(task.get("due").asText()).atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant()
                : java.time.Instant.parse(task.get("due_at").asText());
    }

    private static int rank(JsonNode task) {
        return List.of("none", "low", "medium", "high").indexOf(task.get("priority").asText());
    }

    private static String fold(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static List<JsonNode> walk(ServiceClient client, String auth, String query) {
        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        do {
            String url = "/v1/tasks?limit=4&" + query + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = ok(client.send("GET", url, null, "Authorization", auth), 200);
            assertThat(page.get("items").size()).isLessThanOrEqualTo(4);
            page.get("items").forEach(seen::add);
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        return seen;
    }

    @Test
    void theToolsOverMcpTakeAndGiveThePlanningFields(ServiceClient client) {
        String auth = Tokens.bearer(Tokens.newUser());
        ok(client.send("PATCH", "/v1/me", "{\"time_zone\":\"Europe/Madrid\"}", "Authorization", auth), 200);
        JsonNode tools = mcp(client, auth, "tools/list", "{}").get("tools");
        JsonNode add = null;
        JsonNode list = null;
        for (JsonNode tool : tools) {
            if (tool.get("name").asText().equals("add_task")) {
                add = tool;
            }
            if (tool.get("name").asText().equals("list_tasks")) {
                list = tool;
            }
        }
        assertThat(add.at("/inputSchema/properties").fieldNames()).toIterable()
                .contains("due", "priority", "labels", "recurrence", "remind_at");
        assertThat(list.at("/inputSchema/properties").fieldNames()).toIterable()
                .contains("status", "overdue", "due_today", "label", "priority", "query");
        assertThat(add.at("/outputSchema/properties/due/type").asText()).isEqualTo("string");

        String today = LocalDate.now(ZoneId.of("Europe/Madrid")).toString();
        JsonNode added = mcp(client, auth, "tools/call", """
                {"name":"add_task","arguments":{"title":"Pay rent","due":"%sT18:00","priority":"high",\
                "labels":["Home"],"recurrence":"FREQ=MONTHLY;BYMONTHDAY=1","remind_at":"%sT17:30"}}""".formatted(today, today));
        assertThat(added.get("isError").asBoolean()).as(added.toString()).isFalse();
        assertThat(added.at("/structuredContent/due").asText()).isEqualTo(today + "T18:00");
        assertThat(added.at("/structuredContent/priority").asText()).isEqualTo("high");
        assertThat(added.at("/structuredContent/labels/0").asText()).isEqualTo("Home");
        long id = added.at("/structuredContent/task_id").asLong();
        mcp(client, auth, "tools/call", "{\"name\":\"add_task\",\"arguments\":{\"title\":\"Buy milk\",\"labels\":[\"groceries\"]}}");

        JsonNode dueToday = mcp(client, auth, "tools/call", "{\"name\":\"list_tasks\",\"arguments\":{\"due_today\":true}}");
        assertThat(dueToday.at("/structuredContent/items")).extracting(t -> t.get("id").asLong()).containsExactly(id);
        JsonNode byLabel = mcp(client, auth, "tools/call", "{\"name\":\"list_tasks\",\"arguments\":{\"label\":\"GROCERIES\"}}");
        assertThat(byLabel.at("/structuredContent/items")).extracting(t -> t.get("title").asText()).containsExactly("Buy milk");
        JsonNode found = mcp(client, auth, "tools/call", "{\"name\":\"list_tasks\",\"arguments\":{\"query\":\"RENT\",\"priority\":\"high\"}}");
        assertThat(found.at("/structuredContent/items")).hasSize(1);

        JsonNode bad = mcp(client, auth, "tools/call", "{\"name\":\"add_task\",\"arguments\":{\"title\":\"x\",\"due\":\"2026-02-30\"}}");
        assertThat(bad.get("isError").asBoolean()).isTrue();
        assertThat(bad.at("/content/0/text").asText()).contains("due");

        JsonNode moved = mcp(client, auth, "tools/call", "{\"name\":\"complete_task\",\"arguments\":{\"task_id\":" + id + "}}");
        assertThat(moved.at("/structuredContent/completed").asBoolean()).isFalse();
        assertThat(moved.at("/structuredContent/due").asText()).isEqualTo(LocalDate.parse(today).withDayOfMonth(1)
                .plusMonths(1) + "T18:00");

        JsonNode updated = mcp(client, auth, "tools/call", "{\"name\":\"update_task\",\"arguments\":{\"task_id\":" + id
                + ",\"recurrence\":null,\"labels\":null,\"priority\":\"low\"}}");
        assertThat(updated.at("/structuredContent/priority").asText()).isEqualTo("low");
        assertThat(updated.at("/structuredContent").has("recurrence")).isFalse();
        assertThat(updated.at("/structuredContent").has("labels")).isFalse();
    }

    @Test
    void theBuiltInAssistantAddsATaskDueTomorrowAtFiveInThePersonsZone(ServiceClient client) {
        String user = Tokens.newUser();
        String auth = Tokens.bearer(user);
        ok(client.send("PATCH", "/v1/me", "{\"time_zone\":\"America/New_York\"}", "Authorization", auth), 200);
        JsonNode reply = ok(client.send("POST", "/api/" + user + "/chat",
                "{\"message\":\"remind me tomorrow at 5pm to call John\"}", "Authorization", auth), 200);
        assertThat(reply.get("tool_calls").toString()).contains("add_task");
        String tomorrow = LocalDate.now(ZoneId.of("America/New_York")).plusDays(1).toString();
        JsonNode task = ok(client.send("GET", "/v1/tasks", null, "Authorization", auth), 200).at("/items/0");
        assertThat(task.get("title").asText()).isEqualTo("Call John");
        assertThat(task.get("due").asText()).isEqualTo(tomorrow + "T17:00");
        assertThat(task.get("remind_at").asText()).isEqualTo(tomorrow + "T17:00");
        assertThat(java.time.Instant.parse(task.get("due_at").asText()))
                .isEqualTo(LocalDate.parse(tomorrow).atTime(17, 0).atZone(ZoneId.of("America/New_York")).toInstant());
    }

    private static JsonNode mcp(ServiceClient client, String auth, String method, String params) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", 1);
        request.put("method", method);
        request.set("params", json(params));
        HttpResponse<String> response = client.send("POST", "/mcp", request.toString(), "Authorization", auth,
                "Content-Type", "application/json", "Accept", "application/json, text/event-stream",
                "MCP-Protocol-Version", MCP_VERSION);
        JsonNode answer = ok(response, 200);
        assertThat(answer.has("result")).as(response.body()).isTrue();
        return answer.get("result");
    }
}
