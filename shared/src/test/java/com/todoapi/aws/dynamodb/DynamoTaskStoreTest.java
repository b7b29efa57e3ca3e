package com.todoapi.aws.dynamodb;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.Page;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.tasks.NewTask;
import com.todoapi.tasks.StatusFilter;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskChanges;
import com.todoapi.tasks.TaskService;
import com.todoapi.tasks.VersionMatch;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The task store and service on DynamoDB Local, with the template's table. */
@ExtendWith(AwsBackendExtension.class)
class DynamoTaskStoreTest {
    private TaskService tasks;
    private DynamoTaskStore store;
    private String user;

    @BeforeEach
    void setUp(AwsBackend aws) {
        Tables tables = new Tables(aws.aws().dynamoDb(), aws.tableName());
        store = new DynamoTaskStore(tables);
        tasks = new TaskService(store, new IdempotentRunner(new DynamoIdempotencyStore(tables), Clock.systemUTC()),
                Clock.systemUTC());
        user = "user-" + UUID.randomUUID();
    }

    @Test
    void numbersEachUsersTasksFromOne() {
        String other = "other-" + UUID.randomUUID();
        assertThat(create(user, "a").id()).isEqualTo(1);
        assertThat(create(user, "b").id()).isEqualTo(2);
        assertThat(create(other, "c").id()).isEqualTo(1);
    }

    @Test
    void neverReusesTheNumberOfADeletedTask() {
        create(user, "a");
        Task second = create(user, "b");
        tasks.delete(user, second.id(), VersionMatch.ANY);

        assertThat(create(user, "c").id()).isEqualTo(3);
    }

    @Test
    void fiftyConcurrentCreatesGetNumbersOneToFiftyWithoutGapOrDuplicate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Long>> creates = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String title = "task " + i;
                creates.add(() -> create(user, title).id());
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(creates)) {
                ids.add(f.get());
            }
            assertThat(ids).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
            assertThat(store.list(user, StatusFilter.ALL, 100, OptionalLong.empty()).items()).hasSize(50);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherUsersTaskDoesNotExist() {
        Task mine = create(user, "mine");
        String stranger = "stranger-" + UUID.randomUUID();

        assertThat(store.find(stranger, mine.id())).isEmpty();
        assertThatThrownBy(() -> tasks.delete(stranger, mine.id(), VersionMatch.ANY)).satisfies(kind(DomainException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> tasks.update(stranger, mine.id(), completing(), VersionMatch.ANY))
                .satisfies(kind(DomainException.Kind.NOT_FOUND));
        assertThat(store.find(user, mine.id())).contains(mine);
    }

    @Test
    void anUpdateWithAStaleVersionChangesNothing() {
        Task task = create(user, "a");
        Task updated = tasks.update(user, task.id(), completing(), VersionMatch.only(Set.of(1L)));
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.completed()).isTrue();

        assertThatThrownBy(() -> tasks.update(user, task.id(), renaming("b"), VersionMatch.only(Set.of(1L))))
                .satisfies(kind(DomainException.Kind.PRECONDITION_FAILED));
        assertThatThrownBy(() -> tasks.delete(user, task.id(), VersionMatch.only(Set.of(1L))))
                .satisfies(kind(DomainException.Kind.PRECONDITION_FAILED));
        assertThat(store.find(user, task.id())).contains(updated);
    }

    @Test
    void theStoreRefusesToReplaceAVersionThatMovedOn() {
        Task task = create(user, "a");
        tasks.update(user, task.id(), renaming("b"), VersionMatch.ANY);

        assertThatThrownBy(() -> store.replace(user, renaming("c").applyTo(task, task.createdAt()), task.version(),
                Optional.empty()))
                .satisfies(kind(DomainException.Kind.PRECONDITION_FAILED));
        assertThat(store.find(user, task.id()).orElseThrow().title()).isEqualTo("b");
    }

    @Test
    void pagesThroughEveryTaskExactlyOnceOldestFirst() {
        for (int i = 1; i <= 24; i++) {
            create(user, "task " + i);
        }
        List<Long> seen = new ArrayList<>();
        OptionalLong after = OptionalLong.empty();
        int pages = 0;
        do {
            Page<Task, Long> page = store.list(user, StatusFilter.ALL, 7, after);
            page.items().forEach(t -> seen.add(t.id()));
            after = page.next().map(OptionalLong::of).orElse(OptionalLong.empty());
            pages++;
        } while (after.isPresent());

        assertThat(pages).isEqualTo(4);
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, 24).boxed().toList());
    }

    @Test
    void aFullLastPageHasNoNextCursor() {
        for (int i = 1; i <= 7; i++) {
            create(user, "task " + i);
        }
        Page<Task, Long> page = store.list(user, StatusFilter.ALL, 7, OptionalLong.empty());
        assertThat(page.items()).hasSize(7);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void theStatusFilterGivesFullPagesOfOnlyThatStatus() {
        for (int i = 1; i <= 12; i++) {
            Task task = create(user, "task " + i);
            if (i % 3 == 0) {
                tasks.update(user, task.id(), completing(), VersionMatch.ANY);
            }
        }
        Page<Task, Long> pending = store.list(user, StatusFilter.PENDING, 5, OptionalLong.empty());
        assertThat(pending.items()).extracting(Task::id).containsExactly(1L, 2L, 4L, 5L, 7L);
        assertThat(store.list(user, StatusFilter.PENDING, 5, OptionalLong.of(pending.next().orElseThrow())).items())
                .extracting(Task::id).containsExactly(8L, 10L, 11L);
        assertThat(store.list(user, StatusFilter.COMPLETED, 10, OptionalLong.empty()).items())
                .extracting(Task::id).containsExactly(3L, 6L, 9L, 12L);
    }

    @Test
    void anIdempotentRetryReturnsTheFirstTaskAndCreatesNoOther() {
        TaskService.Created first = tasks.create(user, new NewTask("Buy milk", ""), Optional.of("key-1"));
        tasks.update(user, first.task().id(), renaming("Buy oat milk"), VersionMatch.ANY);
        TaskService.Created retry = tasks.create(user, new NewTask("Buy milk", ""), Optional.of("key-1"));

        assertThat(first.replayed()).isFalse();
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.task()).as("the response of the first request, not the task as it is now").isEqualTo(first.task());
        assertThat(store.list(user, StatusFilter.ALL, 10, OptionalLong.empty()).items()).hasSize(1);
    }

    @Test
    void aKeyReusedWithAnotherBodyIsRefused() {
        tasks.create(user, new NewTask("Buy milk", ""), Optional.of("key-1"));

        assertThatThrownBy(() -> tasks.create(user, new NewTask("Buy bread", ""), Optional.of("key-1")))
                .satisfies(kind(DomainException.Kind.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void keysBelongToOneUser() {
        String other = "other-" + UUID.randomUUID();
        tasks.create(user, new NewTask("Buy milk", ""), Optional.of("shared-key"));
        TaskService.Created theirs = tasks.create(other, new NewTask("Walk the dog", ""), Optional.of("shared-key"));

        assertThat(theirs.replayed()).isFalse();
        assertThat(theirs.task().title()).isEqualTo("Walk the dog");
    }

    @Test
    void twentyConcurrentRetriesWithOneKeyCreateOneTask() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<String>> retries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                retries.add(() -> {
                    try {
                        TaskService.Created created = tasks.create(user, new NewTask("Once", ""), Optional.of("retry-key"));
                        return "task " + created.task().id();
                    } catch (DomainException e) {
                        return e.kind().name();
                    }
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(retries)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).allMatch(o -> o.equals("task 1") || o.equals("IN_FLIGHT"));
            assertThat(outcomes).contains("task 1");
            assertThat(store.list(user, StatusFilter.ALL, 10, OptionalLong.empty()).items()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTaskWithEverythingPlannedIsStoredAndReadBackWhole(AwsBackend aws) {
        com.todoapi.tasks.Planning planning = com.todoapi.tasks.PlanChanges.parse(
                Optional.of(Optional.of("2026-12-07T17:00")), Optional.of("medium"), Optional.of(List.of("Work", "Q4")),
                Optional.of(Optional.of("FREQ=WEEKLY;BYDAY=MO,FR;COUNT=4")), Optional.of(Optional.of("2026-12-07T16:45")),
                java.time.ZoneId.of("America/New_York")).planning();
        Task created = tasks.create(user, new NewTask("Report", "", planning), Optional.of("key-" + UUID.randomUUID())).task();
        assertThat(tasks.get(user, created.id())).isEqualTo(created);
        assertThat(created.planning().remindInstant()).contains(java.time.Instant.parse("2026-12-07T21:45:00Z"));
        // The reminder's instant is an attribute of its own, to the second, for a reminder index to key on.
        var item = aws.aws().dynamoDb().getItem(get -> get.tableName(aws.tableName()).key(java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.user(user)),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.task(created.id()))))).item();
        assertThat(item.get("remind_at").s()).isEqualTo("2026-12-07T21:45:00Z");
        assertThat(item.get("due").s()).isEqualTo("2026-12-07T17:00");
        assertThat(item).doesNotContainKey("reminded_at");
    }

    @Test
    void aTaskWrittenBeforeThePlanningFieldsReadsAsNothingPlanned(AwsBackend aws) {
        aws.aws().dynamoDb().putItem(put -> put.tableName(aws.tableName()).item(java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.user(user)),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Keys.task(7)),
                "task_id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("7"),
                "title", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("Old"),
                "completed", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(false),
                "created_at", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("2026-01-01T00:00:00Z"),
                "updated_at", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("2026-01-01T00:00:00Z"),
                "version", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"))));
        Task old = tasks.get(user, 7);
        assertThat(old.planning()).isEqualTo(com.todoapi.tasks.Planning.NONE);
        assertThat(old.description()).isEmpty();
    }

    private Task create(String userId, String title) {
        return tasks.create(userId, new NewTask(title, ""), Optional.empty()).task();
    }

    private static TaskChanges completing() {
        return new TaskChanges(Optional.empty(), Optional.empty(), Optional.of(true));
    }

    private static TaskChanges renaming(String title) {
        return new TaskChanges(Optional.of(title), Optional.empty(), Optional.empty());
    }

    private static java.util.function.Consumer<Throwable> kind(DomainException.Kind kind) {
        return e -> assertThat(e).isInstanceOf(DomainException.class)
                .extracting(x -> ((DomainException) x).kind()).isEqualTo(kind);
    }
}
