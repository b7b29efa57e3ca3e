package com.todoapi.functions.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.FunctionCalls;
import com.todoapi.testing.Tokens;
import com.todoapi.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reminder function in-process on DynamoDB Local, fed its sample schedule event. */
@ExtendWith(AwsBackendExtension.class)
class ReminderHandlerTest {

    @Test
    void aTickFiresAReminderThatIsDueOnceAndTheTaskShowsWhen(AwsBackend aws) {
        Services services = TaskHandlersTest.services(aws, Map.of());
        String user = Tokens.newUser();
        ObjectNode create = FunctionCalls.sample("tasks-create", user);
        create.put("body", "{\"title\":\"Call John\",\"remind_at\":\"2001-02-03T04:05Z\"}");
        JsonNode created = FunctionCalls.body(FunctionCalls.invoke(
                (in, out) -> new CreateTaskHandler(services).handleRequest(in, out, null), create));
        assertThat(created.get("reminded_at").isNull()).isTrue();

        long started = System.nanoTime();
        JsonNode tick = tick(services);
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(tick.get("fired").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode fired = get(services, user, created.get("id").asLong());
        assertThat(fired.get("reminded_at").asText()).isNotEmpty();
        assertThat(fired.get("version").asLong()).isEqualTo(created.get("version").asLong() + 1);

        started = System.nanoTime();
        tick(services);
        long idleMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(get(services, user, created.get("id").asLong())).isEqualTo(fired);
        // docs/benchmarks.md ("Reminders"): a tick's own time, in-process on DynamoDB Local.
        System.out.printf("reminder tick in-process: %d ms firing, %d ms with nothing due%n", firstMillis, idleMillis);
    }

    private static JsonNode tick(Services services) {
        return FunctionCalls.invoke((in, out) -> new ReminderHandler(services).handleRequest(in, out, null),
                FunctionCalls.sample("reminder-tick", "nobody"));
    }

    private static JsonNode get(Services services, String user, long id) {
        ObjectNode get = FunctionCalls.sample("tasks-get", user);
        get.withObject("pathParameters").put("task_id", Long.toString(id));
        get.put("rawPath", "/v1/tasks/" + id);
        return FunctionCalls.body(FunctionCalls.invoke(
                (in, out) -> new GetTaskHandler(services).handleRequest(in, out, null), get));
    }
}
