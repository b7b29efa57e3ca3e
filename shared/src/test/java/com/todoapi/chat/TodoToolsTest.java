package com.todoapi.chat;

import com.todoapi.agent.ToolOutcome;
import com.todoapi.agent.Toolbox;
import com.todoapi.aws.dynamodb.DynamoIdempotencyStore;
import com.todoapi.aws.dynamodb.DynamoTaskStore;
import com.todoapi.aws.dynamodb.Tables;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.metrics.Metrics;
import com.todoapi.tasks.StatusFilter;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskService;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The assistant's tools pass the same text and id rules as the routes: a refused argument is a tool error. */
@ExtendWith(AwsBackendExtension.class)
class TodoToolsTest {
    private TaskService tasks;
    private String user;

    @BeforeEach
    void setUp(AwsBackend aws) {
        Tables tables = new Tables(aws.aws().dynamoDb(), aws.tableName());
        tasks = new TaskService(new DynamoTaskStore(tables),
                new IdempotentRunner(new DynamoIdempotencyStore(tables), Clock.systemUTC()), Clock.systemUTC());
        user = "tools-" + UUID.randomUUID();
    }

    @Test
    void anAddWithABidiOverrideTitleIsAToolErrorAndCreatesNothing() {
        TodoTools tools = tools();
        ToolOutcome outcome = tools.call(Toolbox.ADD_TASK, Map.of("title", "Pay invoice \u202Eexe.fdp"));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).startsWith("title must not contain bidirectional");
        assertThat(tools.calls()).singleElement().satisfies(call ->
                assertThat(call.result()).isEqualTo(Map.of("error", outcome.error())));
        assertThat(allTasks()).isEmpty();
    }

    @Test
    void everyHostileTextArgumentIsAToolErrorNamingItsField() {
        long id = ((Number) ((Map<?, ?>) tools().call(Toolbox.ADD_TASK, Map.of("title", "Buy milk")).result())
                .get("task_id")).longValue();
        Map<Map<String, Object>, String> refused = Map.of(
                Map.of("title", "\u200B\u200D"), "title must have a visible character",
                Map.of("title", "Buy\u0000milk"), "title must not contain control characters",
                Map.of("title", "Milk", "description", "\u2066hidden\u2069"), "description must not contain bidirectional",
                Map.of("title", "caf\uFFFD"), "title must not contain U+FFFD");
        refused.forEach((args, error) -> assertThat(tools().call(Toolbox.ADD_TASK, args).error()).startsWith(error));
        assertThat(tools().call(Toolbox.UPDATE_TASK, Map.of("task_id", id, "title", "a\tb")).error())
                .startsWith("title must not contain control characters");

        assertThat(allTasks()).extracting(Task::title).containsExactly("Buy milk");
        assertThat(allTasks()).extracting(Task::version).containsExactly(1L);
    }

    @Test
    void aTaskIdTooLargeIsToldAsOutOfRange() {
        for (Object taskId : List.of(1_000_000_000_000L, Long.MAX_VALUE, 1e30, "9223372036854775808")) {
            assertThat(tools().call(Toolbox.COMPLETE_TASK, Map.of("task_id", taskId)).error())
                    .as("task_id %s", taskId).isEqualTo("task_id must be at most 999999999999");
        }
        assertThat(tools().call(Toolbox.DELETE_TASK, Map.of("task_id", 0)).error())
                .isEqualTo("task_id must be a positive integer");
    }

    @Test
    void thePlanningArgumentsAreReadInThePersonsZoneAndANullClearsOne() {
        java.time.ZoneId madrid = java.time.ZoneId.of("Europe/Madrid");
        TodoTools tools = TodoTools.forTurn(tasks, user, "turn-" + UUID.randomUUID(), new Metrics(), () -> madrid);
        Map<String, Object> added = resultOf(tools.call(Toolbox.ADD_TASK, Map.of("title", "Dentist", "due", "2026-12-07T17:00",
                "priority", "high", "labels", List.of("Health", "HEALTH"), "remind_at", "2026-12-07T16:00")));
        assertThat(added).containsEntry("due", "2026-12-07T17:00").containsEntry("due_at", "2026-12-07T16:00:00.000Z")
                .containsEntry("priority", "high").containsEntry("labels", List.of("Health"));
        long id = ((Number) added.get("task_id")).longValue();

        Map<String, Object> clearing = new java.util.HashMap<>();
        clearing.put("task_id", id);
        clearing.put("due", null);
        clearing.put("labels", null);
        clearing.put("remind_at", null);
        Map<String, Object> cleared = resultOf(tools.call(Toolbox.UPDATE_TASK, clearing));
        assertThat(cleared).doesNotContainKeys("due", "labels", "remind_at").containsEntry("priority", "high");

        assertThat(tools.call(Toolbox.ADD_TASK, Map.of("title", "x", "labels", "work")).error())
                .isEqualTo("labels must be an array of strings");
        assertThat(tools.call(Toolbox.ADD_TASK, Map.of("title", "x", "due", "2026-02-30")).error())
                .startsWith("due is not a date that exists");
        assertThat(tools.call(Toolbox.LIST_TASKS, Map.of("overdue", "yes")).error()).isEqualTo("overdue must be true or false");
        assertThat(tools.call(Toolbox.LIST_TASKS, Map.of("when", "today")).error()).isEqualTo("when is not an argument of list_tasks");
        assertThat(tools.calls()).extracting(call -> call.args().containsKey("due")).contains(true);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resultOf(com.todoapi.agent.ToolOutcome outcome) {
        assertThat(outcome.succeeded()).as(String.valueOf(outcome.error())).isTrue();
        return (Map<String, Object>) outcome.result();
    }

    private TodoTools tools() {
        return TodoTools.forTurn(tasks, user, "turn-" + UUID.randomUUID(), new Metrics());
    }

    private List<Task> allTasks() {
        return tasks.list(user, StatusFilter.ALL, 100, OptionalLong.empty()).items();
    }
}
