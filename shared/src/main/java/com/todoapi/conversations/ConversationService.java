package com.todoapi.conversations;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.Page;
import com.todoapi.idempotency.IdempotencyKeys;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.idempotency.Once;
import com.todoapi.jobs.Job;
import com.todoapi.jobs.JobQueue;
import com.todoapi.log.RequestLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the conversation routes do. Slow work is only ever handed off: a posted message leaves a
 * pending reply in the table (written first, so it cannot be lost) and a job on the queue; a big
 * conversation's deletion leaves a mark and a purge job. If the queue does not take a job, the
 * pending work in the table is what the sweeper finds and sends again.
 */
public final class ConversationService {
    static final String CREATE_SCOPE = "conversations.create";
    static final String POST_SCOPE = "messages.create";
    /** The compatibility route's first message makes two things; each has a scope of its own. */
    static final String CHAT_CREATE_SCOPE = "chat.conversation";
    static final String CHAT_POST_SCOPE = "chat.message";

    private final ConversationStore store;
    private final JobQueue jobs;
    private final IdempotentRunner runner;
    private final Clock clock;
    private final ReplyPoll poll;

    public ConversationService(ConversationStore store, JobQueue jobs, IdempotentRunner runner, Clock clock,
                               ReplyPoll poll) {
        this.store = store;
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
        this.poll = poll;
    }

    public IdempotentRunner.Outcome<Conversation> create(String userId, String title, Optional<String> idempotencyKey) {
        return createOnce(userId, title, idempotencyKey.map(key -> new Once(CREATE_SCOPE, IdempotencyKeys.validate(key),
                IdempotencyKeys.digest(title))));
    }

    private IdempotentRunner.Outcome<Conversation> createOnce(String userId, String title, Optional<Once> once) {
        return runner.run(userId, once, ConversationSnapshots::decodeConversation,
                claim -> store.create(userId, title, now(), claim));
    }

    public Conversation get(String userId, long conversationId) {
        return store.find(userId, conversationId).orElseThrow(() -> ConversationRules.notFound(conversationId));
    }

    public Page<Conversation, String> list(String userId, int limit, Optional<String> after) {
        return store.list(userId, limit, after);
    }

    public ConversationStore.Deletion delete(String userId, long conversationId) {
        ConversationStore.Deletion deletion = store.delete(userId, conversationId, now());
        if (deletion == ConversationStore.Deletion.SCHEDULED) {
            enqueue(new Job.PurgeConversation(userId, conversationId));
        }
        return deletion;
    }

    public Page<Message, Long> messages(String userId, long conversationId, int limit,
                                                                  OptionalLong after) {
        return store.messages(userId, conversationId, limit, after);
    }

    /**
     * Stores the message and its pending reply, then enqueues the reply's job. A repeat with the
     * same key gets the first answer, and sends the job again if the reply is still pending (the
     * first attempt may have stopped between the write and the send).
     */
    public IdempotentRunner.Outcome<PostedMessage> post(String userId, long conversationId, String content,
                                                        Optional<String> idempotencyKey) {
        return postOnce(userId, conversationId, content, idempotencyKey.map(key -> new Once(POST_SCOPE,
                IdempotencyKeys.validate(key), IdempotencyKeys.digest(Long.toString(conversationId), content))));
    }

    private IdempotentRunner.Outcome<PostedMessage> postOnce(String userId, long conversationId, String content,
                                                             Optional<Once> once) {
        IdempotentRunner.Outcome<PostedMessage> outcome = runner.run(userId, once, ConversationSnapshots::decodePosted,
                claim -> store.post(userId, conversationId, content, now(), claim));
        PostedMessage posted = outcome.value();
        if (!outcome.replayed() || store.message(userId, conversationId, posted.reply().number())
                .filter(reply -> !reply.settled()).isPresent()) {
            enqueue(new Job.Reply(userId, conversationId, posted.reply().number()));
        }
        return outcome;
    }

    /** The compatibility route's first message: a new conversation titled after it, then the message. */
    public IdempotentRunner.Outcome<PostedMessage> postToNewConversation(String userId, String content,
                                                                         Optional<String> idempotencyKey) {
        Optional<String> key = idempotencyKey.map(IdempotencyKeys::validate);
        Conversation conversation = createOnce(userId, ConversationRules.titleFrom(content),
                key.map(k -> new Once(CHAT_CREATE_SCOPE, k, IdempotencyKeys.digest(content)))).value();
        return postOnce(userId, conversation.id(), content,
                key.map(k -> new Once(CHAT_POST_SCOPE, k, IdempotencyKeys.digest(Long.toString(conversation.id()), content))));
    }

    /** The reply once it is settled, if that happens within {@code patience}. */
    public Optional<Message> awaitReply(String userId, long conversationId,
                                                                  long replyNumber, Duration patience) {
        Instant deadline = clock.instant().plus(patience);
        for (int attempt = 0; ; attempt++) {
            Optional<Message> reply = store.message(userId, conversationId, replyNumber)
                    .filter(Message::settled);
            Duration left = Duration.between(clock.instant(), deadline);
            if (reply.isPresent() || left.isNegative() || left.isZero()) {
                return reply;
            }
            poll.pause(attempt, left);
        }
    }

    private void enqueue(Job job) {
        try {
            jobs.send(job);
        } catch (RuntimeException queueDown) {
            RequestLog.work("WARN", "job_not_sent", Map.of("job", job.getClass().getSimpleName(),
                    "conversation_id", job.conversationId()), queueDown);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
