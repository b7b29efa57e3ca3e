package com.todoapi.aws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.todoapi.domain.DomainException;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.live.LivePublisher;
import com.todoapi.reminders.DueReminder;
import com.todoapi.reminders.ReminderFirer;
import com.todoapi.tasks.NewTask;
import com.todoapi.tasks.PlanChanges;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskChanges;
import com.todoapi.tasks.TaskService;
import com.todoapi.tasks.TaskTime;
import com.todoapi.tasks.VersionMatch;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reminder index and the firing on DynamoDB Local, with the template's table: a reminder fires
 * once on its minute, late (once) after a gap with no ticks, never for a task completed, deleted or
 * moved since, and once when two workers race. The reminders here are in 1990, so that no other
 * test's reminder is due at these ticks' "now", and each test has its own user.
 */
@ExtendWith(AwsBackendExtension.class)
class DynamoReminderStoreTest {
    private static final Instant NINE = Instant.parse("1990-01-01T09:00:00Z");

    private Tables tables;
    private TaskService tasks;
    private DynamoReminderStore store;
    private final ConcurrentLinkedQueue<Pushed> pushed = new ConcurrentLinkedQueue<>();
    private final LivePublisher recorder = (userId, event) -> pushed.add(new Pushed(userId, event));
    private String user;

    @BeforeEach
    void setUp(AwsBackend aws) {
        tables = new Tables(aws.aws().dynamoDb(), aws.tableName());
        tasks = new TaskService(new DynamoTaskStore(tables),
                new IdempotentRunner(new DynamoIdempotencyStore(tables), Clock.systemUTC()), Clock.systemUTC());
        store = new DynamoReminderStore(tables);
        user = "reminded-" + UUID.randomUUID();
    }

    @Test
    void firesOnItsMinuteOnceAndRecordsWhenItFired() {
        Task task = withReminder(user, "1990-01-01T09:00Z");
        assertThat(item(task).get("remind_shard").s()).startsWith("REMIND#");

        tickAt(NINE.minusSeconds(60));
        assertThat(eventsOf(user)).isEmpty();

        ReminderFirer.Tick tick = tickAt(NINE);
        assertThat(eventsOf(user)).hasSize(1);
        JsonNode event = eventsOf(user).get(0);
        assertThat(event.get("type").asText()).isEqualTo("reminder");
        assertThat(event.get("task").get("id").asLong()).isEqualTo(task.id());
        assertThat(event.get("task").get("reminded_at").asText()).isEqualTo("1990-01-01T09:00:00Z");
        assertThat(tick.fired()).isGreaterThanOrEqualTo(1);

        Task stored = tasks.get(user, task.id());
        assertThat(stored.planning().remindedAt()).contains(NINE);
        assertThat(stored.version()).isEqualTo(task.version() + 1);
        assertThat(item(task)).doesNotContainKey("remind_shard");

        tickAt(NINE.plusSeconds(60));
        tickAt(NINE.plusSeconds(120));
        assertThat(eventsOf(user)).hasSize(1);
    }

    @Test
    void aTickWithinTheReminderSecondFindsIt() {
        Task task = withReminder(user, "1990-01-01T09:00Z");

        tickAt(NINE.plusMillis(250));

        assertThat(eventsOf(user)).singleElement()
                .satisfies(event -> assertThat(event.at("/task/id").asLong()).isEqualTo(task.id()));
    }

    @Test
    void aReminderWhoseMinutePassedWithNoTickFiresLateOnce() {
        Task task = withReminder(user, "1990-01-01T09:00Z");

        ReminderFirer.Tick tick = tickAt(NINE.plus(Duration.ofHours(3)));
        tickAt(NINE.plus(Duration.ofHours(3)).plusSeconds(60));

        assertThat(eventsOf(user)).hasSize(1);
        assertThat(tasks.get(user, task.id()).planning().remindedAt()).contains(NINE.plus(Duration.ofHours(3)));
        assertThat(tick.maxLagMillis()).isGreaterThanOrEqualTo(Duration.ofHours(3).toMillis());
    }

    @Test
    void neverFiresForATaskCompletedDeletedOrMovedSince() {
        Task completed = withReminder(user, "1990-01-01T09:00Z");
        Task deleted = withReminder(user, "1990-01-01T09:00Z");
        Task moved = withReminder(user, "1990-01-01T09:00Z");
        tasks.update(user, completed.id(), new TaskChanges(Optional.empty(), Optional.empty(), Optional.of(true)),
                VersionMatch.ANY);
        tasks.delete(user, deleted.id(), VersionMatch.ANY);
        tasks.update(user, moved.id(), remindChange("1990-01-01T09:30Z"), VersionMatch.ANY);
        assertThat(item(completed)).doesNotContainKey("remind_shard");

        tickAt(NINE);
        tickAt(NINE.plusSeconds(60));
        assertThat(eventsOf(user)).isEmpty();
        assertThat(tasks.get(user, completed.id()).planning().remindedAt()).isEmpty();

        tickAt(NINE.plus(Duration.ofMinutes(30)));
        assertThat(eventsOf(user)).singleElement()
                .satisfies(event -> assertThat(event.get("task").get("id").asLong()).isEqualTo(moved.id()));
    }

    @Test
    void aFireLosesToAChangeMadeBetweenTheIndexReadAndTheWrite() {
        Task task = withReminder(user, "1990-01-01T09:00Z");
        DueReminder seen = new DueReminder(user, task.id(), NINE);
        tasks.update(user, task.id(), remindChange("1990-01-01T09:05Z"), VersionMatch.ANY);

        assertThat(store.fire(seen, NINE)).isEmpty();
        assertThat(tasks.get(user, task.id()).planning().remindedAt()).isEmpty();
    }

    @Test
    void aChangeReadBeforeTheFireCannotPutTheReminderBackAsPending() {
        Task task = withReminder(user, "1990-01-01T09:00Z");
        Task readByAPatch = tasks.get(user, task.id());
        assertThat(store.fire(new DueReminder(user, task.id(), NINE), NINE)).isPresent();

        Task renamed = new TaskChanges(Optional.of("renamed"), Optional.empty(), Optional.empty())
                .applyTo(readByAPatch, Instant.now());
        assertThatThrownBy(() -> new DynamoTaskStore(tables).replace(user, renamed, readByAPatch.version(), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.PRECONDITION_FAILED));
        // The service's retry reads the fired task and keeps it fired.
        tasks.update(user, task.id(), new TaskChanges(Optional.of("renamed"), Optional.empty(), Optional.empty()),
                VersionMatch.ANY);
        assertThat(tasks.get(user, task.id()).planning().remindedAt()).contains(NINE);
        assertThat(item(task)).doesNotContainKey("remind_shard");
    }

    @Test
    void eightWorkersFiringOneReminderAtOnceFireItOnce() throws Exception {
        Task task = withReminder(user, "1990-01-01T09:00Z");
        DueReminder due = new DueReminder(user, task.id(), NINE);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<Task>>> fires = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                fires.add(pool.submit(() -> {
                    start.await();
                    return store.fire(due, NINE);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Optional<Task>> fire : fires) {
                won += fire.get().isPresent() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoTicksRacingOverManyRemindersPushEachOnce() throws Exception {
        List<String> users = new ArrayList<>();
        List<Task> made = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String someone = user + "-" + i;
            users.add(someone);
            made.add(withReminder(someone, "1990-01-01T09:00Z"));
            made.add(withReminder(someone, "1990-01-01T08:59Z"));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ReminderFirer.Tick>> ticks = new ArrayList<>();
            for (int worker = 0; worker < 2; worker++) {
                ticks.add(pool.submit(() -> {
                    start.await();
                    return firer(NINE).tick();
                }));
            }
            start.countDown();
            for (Future<ReminderFirer.Tick> tick : ticks) {
                tick.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (String someone : users) {
            List<Long> ids = eventsOf(someone).stream().map(e -> e.get("task").get("id").asLong()).sorted().toList();
            assertThat(ids).as(someone).containsExactly(1L, 2L);
        }
    }

    /** Also the throughput figure in docs/benchmarks.md ("Reminders"): one tick over many due reminders. */
    @Test
    void oneTickFiresFourHundredDueRemindersOfFortyPeopleEachOnce() {
        List<String> people = new ArrayList<>();
        for (int p = 0; p < 40; p++) {
            people.add(user + "-" + p);
            for (int t = 0; t < 10; t++) {
                withReminder(people.get(p), "1990-01-01T07:" + (10 + t) + "Z");
            }
        }
        long started = System.nanoTime();
        ReminderFirer.Tick tick = tickAt(Instant.parse("1990-01-01T07:30:00Z"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("reminder tick: %d fired in %d ms (%.0f a second) on DynamoDB Local%n",
                tick.fired(), millis, tick.fired() * 1000.0 / Math.max(1, millis));
        for (String someone : people) {
            assertThat(eventsOf(someone)).as(someone).hasSize(10);
            assertThat(eventsOf(someone).stream().map(e -> e.get("task").get("id").asLong()).distinct()).hasSize(10);
        }
        assertThat(tickAt(Instant.parse("1990-01-01T07:31:00Z")).fired()).isZero();
    }

    @Test
    void aRecurringTaskCompletedIsRemindedAgainAtItsNextOccurrence() {
        PlanChanges plan = PlanChanges.parse(Optional.of(Optional.of("1990-01-01T10:00Z")), Optional.empty(),
                Optional.empty(), Optional.of(Optional.of("FREQ=DAILY")), Optional.of(Optional.of("1990-01-01T09:00Z")),
                ZoneOffset.UTC);
        Task task = tasks.create(user, new NewTask("stand-up", "", plan.planning()), Optional.empty()).task();
        tickAt(NINE);
        tasks.update(user, task.id(), new TaskChanges(Optional.empty(), Optional.empty(), Optional.of(true)),
                VersionMatch.ANY);

        tickAt(NINE.plus(Duration.ofHours(23)));
        assertThat(eventsOf(user)).hasSize(1);
        tickAt(NINE.plus(Duration.ofDays(1)));
        assertThat(eventsOf(user)).hasSize(2);
        assertThat(eventsOf(user).get(1).get("task").get("remind_at").asText()).isEqualTo("1990-01-02T09:00Z");
    }

    private Task withReminder(String userId, String remindAt) {
        PlanChanges plan = PlanChanges.parse(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Optional.of(remindAt)), ZoneOffset.UTC);
        return tasks.create(userId, new NewTask("call " + remindAt, "", plan.planning()), Optional.empty()).task();
    }

    private static TaskChanges remindChange(String remindAt) {
        return new TaskChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                PlanChanges.parse(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(Optional.of(remindAt)), ZoneOffset.UTC), ZoneOffset.UTC);
    }

    private ReminderFirer.Tick tickAt(Instant now) {
        return firer(now).tick();
    }

    /** A worker as the reminder function builds one, with the task rendered as a small stand-in view. */
    private ReminderFirer firer(Instant now) {
        return new ReminderFirer(new DynamoReminderStore(tables), recorder, DynamoReminderStoreTest::view,
                Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(45));
    }

    private static JsonNode view(Task task) {
        var node = JsonNodeFactory.instance.objectNode();
        node.put("id", task.id());
        node.put("remind_at", task.planning().remind().map(TaskTime::given).orElse(null));
        node.put("reminded_at", task.planning().remindedAt().map(Instant::toString).orElse(null));
        return node;
    }

    private List<JsonNode> eventsOf(String userId) {
        return pushed.stream().filter(p -> p.userId().equals(userId)).map(Pushed::event).toList();
    }

    private Map<String, AttributeValue> item(Task task) {
        return tables.dynamoDb().getItem(b -> b.tableName(tables.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(Keys.user(user)), "sk", AttributeValue.fromS(Keys.task(task.id())))))
                .item();
    }

    private record Pushed(String userId, JsonNode event) {
    }
}
