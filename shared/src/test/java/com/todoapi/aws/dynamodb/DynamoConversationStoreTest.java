package com.todoapi.aws.dynamodb;

import com.todoapi.agent.builtin.BuiltInAgent;
import com.todoapi.chat.ReplyTurns;
import com.todoapi.conversations.Conversation;
import com.todoapi.conversations.ConversationService;
import com.todoapi.conversations.ConversationStore;
import com.todoapi.conversations.Message;
import com.todoapi.conversations.PostedMessage;
import com.todoapi.conversations.ReplyPoll;
import com.todoapi.domain.DomainException;
import com.todoapi.domain.Page;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.jobs.Job;
import com.todoapi.jobs.JobQueue;
import com.todoapi.tasks.TaskService;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.CapacityMeter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conversations and messages on DynamoDB Local: numbering, order, pages, deletes, and what a turn reads. */
@ExtendWith(AwsBackendExtension.class)
class DynamoConversationStoreTest {
    private AwsBackend aws;
    private Tables tables;
    private DynamoConversationStore store;
    private String user;

    @BeforeEach
    void setUp(AwsBackend aws) {
        this.aws = aws;
        tables = new Tables(aws.aws().dynamoDb(), aws.tableName());
        store = new DynamoConversationStore(tables);
        user = "conv-" + UUID.randomUUID();
    }

    @Test
    void concurrentCreatesNumberConversationsOneToTwenty() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Conversation>> created = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> store.create(user, "c" + i, Instant.now(),
                            Optional.empty()), pool)).toList();
            assertThat(created.stream().map(CompletableFuture::join).map(Conversation::id))
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20).mapToObj(i -> (long) i).toList());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void listsShowTheMostRecentlyActiveFirstAPageAtATime() {
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        for (int i = 1; i <= 5; i++) {
            store.create(user, "c" + i, start.plusSeconds(i), Optional.empty());
        }
        store.post(user, 2, "bump", start.plusSeconds(60), Optional.empty());

        Page<Conversation, String> first = store.list(user, 3, Optional.empty());
        assertThat(first.items()).extracting(Conversation::id).containsExactly(2L, 5L, 4L);
        Page<Conversation, String> second = store.list(user, 3, first.next());
        assertThat(second.items()).extracting(Conversation::id).containsExactly(3L, 1L);
        assertThat(second.next()).isEmpty();
        assertThat(store.find(user, 2).orElseThrow().lastMessage()).hasValue(start.plusSeconds(60));
    }

    @Test
    void messagesComeOldestFirstWithTheirRepliesAndPageWithoutGaps() {
        Conversation c = store.create(user, "Pages", Instant.now(), Optional.empty());
        for (int i = 1; i <= 3; i++) {
            store.post(user, c.id(), "m" + i, Instant.now(), Optional.empty());
        }
        Page<Message, Long> first = store.messages(user, c.id(), 4, OptionalLong.empty());
        assertThat(first.items()).extracting(Message::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(first.items()).extracting(Message::role).containsExactly(Message.Role.USER, Message.Role.ASSISTANT,
                Message.Role.USER, Message.Role.ASSISTANT);
        assertThat(first.items().get(1).status()).isEqualTo(Message.Status.PENDING);
        Page<Message, Long> second = store.messages(user, c.id(), 4, OptionalLong.of(first.next().orElseThrow()));
        assertThat(second.items()).extracting(Message::content).containsExactly("m3", "");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void anotherUsersConversationDoesNotExist() {
        Conversation c = store.create(user, "Mine", Instant.now(), Optional.empty());
        String stranger = "stranger-" + UUID.randomUUID();
        assertThat(store.find(stranger, c.id())).isEmpty();
        assertThatThrownBy(() -> store.messages(stranger, c.id(), 10, OptionalLong.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> store.post(stranger, c.id(), "hi", Instant.now(), Optional.empty()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> store.delete(stranger, c.id(), Instant.now()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    }

    @Test
    void aSmallConversationIsDeletedAtOnceWithItsMessagesAndCannotBePostedTo() {
        Conversation c = store.create(user, "Short", Instant.now(), Optional.empty());
        store.post(user, c.id(), "hello", Instant.now(), Optional.empty());
        assertThat(store.delete(user, c.id(), Instant.now())).isEqualTo(ConversationStore.Deletion.DELETED);
        assertThat(store.find(user, c.id())).isEmpty();
        assertThat(store.message(user, c.id(), 1)).isEmpty();
        assertThatThrownBy(() -> store.post(user, c.id(), "again", Instant.now(), Optional.empty()))
                .isInstanceOf(DomainException.class);
        assertThat(store.create(user, "Next", Instant.now(), Optional.empty()).id()).as("numbers are never reused")
                .isEqualTo(c.id() + 1);
    }

    @Test
    void aRepeatedPostWithItsKeyGetsTheFirstMessageAndAnotherBodyIs422() {
        IdempotentRunner runner = new IdempotentRunner(new DynamoIdempotencyStore(tables), Clock.systemUTC());
        List<Job> sent = new ArrayList<>();
        JobQueue recording = sent::add;
        ConversationService service = new ConversationService(store, recording, runner, Clock.systemUTC(),
                ReplyPoll.BACKING_OFF);
        Conversation c = service.create(user, "Keys", Optional.empty()).value();

        PostedMessage first = service.post(user, c.id(), "Add milk", Optional.of("key-1")).value();
        IdempotentRunner.Outcome<PostedMessage> again = service.post(user, c.id(), "Add milk", Optional.of("key-1"));
        assertThat(again.replayed()).isTrue();
        assertThat(again.value()).isEqualTo(first);
        assertThat(store.messages(user, c.id(), 10, OptionalLong.empty()).items()).hasSize(2);
        assertThat(sent).as("the replay sends the still-pending reply's job again").hasSize(2).containsOnly(
                new Job.Reply(user, c.id(), first.reply().number()));
        assertThatThrownBy(() -> service.post(user, c.id(), "Add eggs", Optional.of("key-1")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.IDEMPOTENCY_KEY_REUSED));
    }

    /**
     * The check: a turn at message 1,000 reads no more than one at message 10. Both
     * conversations hold messages of the same size; the figures are printed for docs/benchmarks.md.
     */
    @Test
    void aTurnAtMessage1000ReadsNoMoreThanATurnAtMessage10() {
        Turn short10 = measureTurn(10);
        Turn long1000 = measureTurn(1000);
        System.out.printf("chat turn at message %d: %d calls, %d items read, %.1f read units, %.1f write units%n",
                10, short10.calls, short10.items, short10.readUnits, short10.writeUnits);
        System.out.printf("chat turn at message %d: %d calls, %d items read, %.1f read units, %.1f write units%n",
                1000, long1000.calls, long1000.items, long1000.readUnits, long1000.writeUnits);
        assertThat(long1000.items).isEqualTo(short10.items);
        assertThat(long1000.readUnits).isLessThanOrEqualTo(short10.readUnits);
        assertThat(long1000.calls).isEqualTo(short10.calls);
    }

    private record Turn(int calls, int items, double readUnits, double writeUnits) {
    }

    /** A conversation whose message {@code replyNumber} is a pending reply to "What did I just add?". */
    private Turn measureTurn(long replyNumber) {
        String owner = "turn-" + UUID.randomUUID();
        Conversation c = store.create(owner, "Long", Instant.now(), Optional.empty());
        fill(owner, c.id(), replyNumber - 2);
        store.post(owner, c.id(), "What did I just add?", Instant.now(), Optional.empty());
        CapacityMeter meter = new CapacityMeter();
        DynamoDbClient metered = meter.dynamoDb(aws);
        Tables meteredTables = new Tables(metered, aws.tableName());
        DynamoConversationStore meteredStore = new DynamoConversationStore(meteredTables);
        IdempotentRunner runner = new IdempotentRunner(new DynamoIdempotencyStore(meteredTables), Clock.systemUTC());
        ReplyTurns turns = new ReplyTurns(meteredStore, new TaskService(new DynamoTaskStore(meteredTables), runner,
                Clock.systemUTC()), new BuiltInAgent(), Clock.systemUTC());
        assertThat(turns.answer(new Job.Reply(owner, c.id(), replyNumber))).isTrue();
        return new Turn(meter.calls(), meter.itemsRead(), meter.readUnits(), meter.writeUnits());
    }

    /** Earlier exchanges of equal size, written straight to the table, with the conversation's count moved on. */
    private void fill(String owner, long conversationId, long count) {
        Instant at = Instant.now();
        List<WriteRequest> writes = new ArrayList<>();
        for (long n = 1; n <= count; n++) {
            Message m = n % 2 == 1
                    ? Message.fromUser(n, "Add a task number " + (100_000 + n), at)
                    : Message.pendingReply(n, at).completed("Added task number " + (100_000 + n) + ".", List.of());
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(MessageItem.SCHEMA.itemToMap(MessageItem.of(owner, conversationId, m), true)).build()).build());
        }
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + 25));
            aws.aws().dynamoDb().batchWriteItem(b -> b.requestItems(java.util.Map.of(aws.tableName(), batch)));
        }
        ConversationItem keys = ConversationItem.keys(owner, conversationId);
        tables.conversations().updateItem(r -> r.item(new ConversationItem(keys.pk(), keys.sk(), null, null, null,
                null, null, null, null, null, count, null, null, null))
                .ignoreNullsMode(software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode.SCALAR_ONLY));
    }
}
