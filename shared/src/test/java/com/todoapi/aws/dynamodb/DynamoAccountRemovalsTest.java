package com.todoapi.aws.dynamodb;

import com.todoapi.accounts.AccountPurger;
import com.todoapi.accounts.AccountRemovals;
import com.todoapi.accounts.AccountService;
import com.todoapi.apikeys.ApiKeyService;
import com.todoapi.conversations.ConversationService;
import com.todoapi.conversations.ReplyPoll;
import com.todoapi.conversations.StuckWork;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.jobs.Job;
import com.todoapi.jobs.JobQueue;
import com.todoapi.ratelimit.RateLimitPolicy;
import com.todoapi.tasks.NewTask;
import com.todoapi.tasks.TaskService;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Leaving on DynamoDB Local: every item of the user goes (found by known keys, no scan in the
 * product; the test scans to prove it), other users' items stay, a purge killed half-way is
 * finished by running it again, a purge out of time hands on to a new job, and a job delivered
 * again after the purge finished deletes nothing the person wrote since.
 */
@ExtendWith(AwsBackendExtension.class)
class DynamoAccountRemovalsTest {
    private static final Supplier<Duration> PLENTY = () -> Duration.ofMinutes(5);

    private AwsBackend aws;
    private Tables tables;
    private DynamoAccountRemovals store;
    private final List<Job> sent = new ArrayList<>();
    private final JobQueue queue = sent::add;

    @BeforeEach
    void setUp(AwsBackend aws) {
        this.aws = aws;
        tables = new Tables(aws.aws().dynamoDb(), aws.tableName());
        store = new DynamoAccountRemovals(tables);
    }

    @Test
    void leavingRemovesEveryItemOfTheUserAndNothingOfAnother() {
        String leaver = seededUser(3);
        String other = seededUser(2);
        int othersItems = itemsOf(other).size();
        assertThat(itemsOf(leaver)).hasSizeGreaterThan(20);
        assertThat(itemsOf(leaver)).as("the profile is among them").anyMatch(i -> i.get("sk").s().equals(Keys.PROFILE));
        ApiKeyService keys = new ApiKeyService(new DynamoApiKeyStore(tables), Clock.systemUTC());
        String secret = keys.create(leaver, Optional.of("cli"), Optional.empty(), Optional.empty()).secret();
        assertThat(keys.authenticate(secret)).isPresent();

        new AccountService(store, queue, Clock.systemUTC()).leave(leaver);

        assertThat(keys.authenticate(secret)).as("the key is refused before the purge runs").isEmpty();
        assertThat(sent).containsExactly(new Job.PurgeUser(leaver, 1));
        assertThat(new AccountPurger(store, queue).purge(new Job.PurgeUser(leaver, 1), PLENTY)).isEqualTo("purged");
        assertThat(itemsOf(leaver)).isEmpty();
        assertThat(itemsOf(other)).hasSize(othersItems);
    }

    @Test
    void aPurgeKilledHalfWayIsFinishedByRunningItAgain() {
        String leaver = seededUser(4);
        String other = seededUser(1);
        int othersItems = itemsOf(other).size();
        store.markLeaving(leaver, Instant.now());
        AtomicInteger deletes = new AtomicInteger();
        AccountRemovals dying = new Dying(store, () -> deletes.incrementAndGet() > 3);
        assertThatThrownBy(() -> new AccountPurger(dying, queue).purge(new Job.PurgeUser(leaver, 1), PLENTY))
                .hasMessageContaining("killed");
        List<Map<String, AttributeValue>> left = itemsOf(leaver);
        assertThat(left).as("some but not all gone").isNotEmpty();
        assertThat(left.stream().anyMatch(i -> i.get("pk").s().startsWith("LEAVING#"))).as("the marker stays").isTrue();
        assertThat(markedStuck(leaver)).as("the sweeper sees the unfinished purge").isTrue();

        assertThat(new AccountPurger(store, queue).purge(new Job.PurgeUser(leaver, 1), PLENTY)).isEqualTo("purged");
        assertThat(itemsOf(leaver)).isEmpty();
        assertThat(itemsOf(other)).hasSize(othersItems);
        assertThat(markedStuck(leaver)).isFalse();
    }

    @Test
    void aPurgeOutOfTimeHandsOnToAJobThatResumesAtTheNextConversation() {
        String leaver = seededUser(3);
        store.markLeaving(leaver, Instant.now());
        AtomicInteger calls = new AtomicInteger();
        // Time for the marker check, the keys, the counter and two conversations' pages, then none.
        Supplier<Duration> shortOfTime = () -> calls.incrementAndGet() <= 2 ? Duration.ofMinutes(1) : Duration.ZERO;
        assertThat(new AccountPurger(store, queue).purge(new Job.PurgeUser(leaver, 1), shortOfTime)).isEqualTo("continued");
        assertThat(sent).containsExactly(new Job.PurgeUser(leaver, 3));
        assertThat(itemsOf(leaver)).anyMatch(i -> i.get("pk").s().endsWith("#CONV#000000000003"));
        assertThat(itemsOf(leaver)).noneMatch(i -> i.get("pk").s().endsWith("#CONV#000000000001"));

        assertThat(new AccountPurger(store, queue).purge((Job.PurgeUser) sent.get(0), PLENTY)).isEqualTo("purged");
        assertThat(itemsOf(leaver)).isEmpty();
    }

    @Test
    void aJobDeliveredAgainAfterThePurgeDeletesNothingWrittenSince() {
        String leaver = seededUser(1);
        new AccountService(store, queue, Clock.systemUTC()).leave(leaver);
        AccountPurger purger = new AccountPurger(store, queue);
        assertThat(purger.purge(new Job.PurgeUser(leaver, 1), PLENTY)).isEqualTo("purged");
        tasks().create(leaver, new NewTask("a fresh start", null), Optional.empty());

        assertThat(purger.purge(new Job.PurgeUser(leaver, 1), PLENTY)).isEqualTo("not_leaving");
        assertThat(itemsOf(leaver)).hasSize(2); // the new task and its counter
        assertThat(tasks().get(leaver, 1).title()).isEqualTo("a fresh start");
    }

    @Test
    void leavingTwiceIsOnePurge() {
        String leaver = seededUser(2);
        AccountService accounts = new AccountService(store, queue, Clock.systemUTC());
        accounts.leave(leaver);
        accounts.leave(leaver);
        AccountPurger purger = new AccountPurger(store, queue);
        assertThat(purger.purge(new Job.PurgeUser(leaver, 1), PLENTY)).isEqualTo("purged");
        assertThat(purger.purge(new Job.PurgeUser(leaver, 1), PLENTY)).isEqualTo("not_leaving");
        assertThat(itemsOf(leaver)).isEmpty();
    }

    /** Tasks (one with an Idempotency-Key), conversations with messages (one being deleted), keys, rate windows, tokens. */
    private String seededUser(int conversations) {
        String user = "user-" + UUID.randomUUID();
        TaskService tasks = tasks();
        for (int i = 0; i < 5; i++) {
            tasks.create(user, new NewTask("task " + i, "about " + i), i == 0 ? Optional.of("key-" + user) : Optional.empty());
        }
        ConversationService chats = new ConversationService(new DynamoConversationStore(tables), job -> { },
                runner(), Clock.systemUTC(), ReplyPoll.BACKING_OFF);
        for (int i = 0; i < conversations; i++) {
            long id = chats.postToNewConversation(user, "add milk " + i, Optional.empty()).value().conversationId();
            chats.post(user, id, "list my tasks", Optional.empty());
        }
        chats.delete(user, 1);
        ApiKeyService keys = new ApiKeyService(new DynamoApiKeyStore(tables), Clock.systemUTC());
        keys.create(user, Optional.of("one"), Optional.empty(), Optional.empty());
        keys.create(user, Optional.of("two"), Optional.empty(), Optional.of(30L));
        new DynamoRateLimiter(tables, new RateLimitPolicy(100, Duration.ofMinutes(1))).hit(user, Instant.now());
        new DynamoTokenBudget(tables, 100_000).charge(user, 500, Instant.now());
        new com.todoapi.profile.ProfileService(new DynamoProfileStore(tables), Clock.systemUTC())
                .setTimeZone(user, "Europe/Madrid");
        return user;
    }

    private TaskService tasks() {
        return new TaskService(new DynamoTaskStore(tables), runner(), Clock.systemUTC());
    }

    private IdempotentRunner runner() {
        return new IdempotentRunner(new DynamoIdempotencyStore(tables), Clock.systemUTC());
    }

    private boolean markedStuck(String user) {
        return new DynamoConversationStore(tables).stuck(Instant.now().plusSeconds(1), 1_000).stream()
                .anyMatch(w -> w instanceof StuckWork.LeavingUser l && l.userId().equals(user));
    }

    /** Every item whose keys or attributes name the user: a scan, which the tests may do and the product never does. */
    private List<Map<String, AttributeValue>> itemsOf(String user) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, AttributeValue> after = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(aws.tableName()).consistentRead(true);
            if (after != null) {
                scan.exclusiveStartKey(after);
            }
            var page = aws.aws().dynamoDb().scan(scan.build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (item.toString().contains(user)) {
                    found.add(item);
                }
            }
            after = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (after != null);
        return found;
    }

    /** A store whose process dies (an exception) at the chosen delete. */
    private record Dying(AccountRemovals store, Supplier<Boolean> killNow) implements AccountRemovals {
        private void maybeDie() {
            if (killNow.get()) {
                throw new IllegalStateException("killed");
            }
        }

        @Override
        public void markLeaving(String userId, Instant now) {
            store.markLeaving(userId, now);
        }

        @Override
        public boolean isLeaving(String userId) {
            return store.isLeaving(userId);
        }

        @Override
        public void markPurgeRequeued(String userId, Instant now) {
            store.markPurgeRequeued(userId, now);
        }

        @Override
        public void unmarkLeaving(String userId) {
            maybeDie();
            store.unmarkLeaving(userId);
        }

        @Override
        public int deleteKeyItems(String userId) {
            return store.deleteKeyItems(userId);
        }

        @Override
        public long lastConversation(String userId) {
            return store.lastConversation(userId);
        }

        @Override
        public boolean purgeConversation(String userId, long conversationId, int maxItems) {
            maybeDie();
            return store.purgeConversation(userId, conversationId, maxItems);
        }

        @Override
        public boolean purge(String userId, Family family, int maxItems) {
            maybeDie();
            return store.purge(userId, family, maxItems);
        }

        @Override
        public void readMarker(String userId) {
            store.readMarker(userId);
        }
    }
}
