package com.todoapi.conversations;

import com.todoapi.domain.Page;
import com.todoapi.idempotency.IdempotencyClaim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where conversations and their messages live. Every method is scoped to one user: another
 * user's conversation does not exist. A conversation being deleted does not exist either.
 */
public interface ConversationStore {

    /** Creates it under the user's next conversation number, completing the claim in the same write. */
    Conversation create(String userId, String title, Instant now, Optional<IdempotencyClaim> claim);

    Optional<Conversation> find(String userId, long conversationId);

    /** Most recently active first, after the position {@code after} when given. */
    Page<Conversation, String> list(String userId, int limit, Optional<String> after);

    /**
     * Stores the user's message and a pending reply after the conversation's last message, in one
     * atomic write with the claim's completion. NOT_FOUND if the conversation does not exist.
     */
    PostedMessage post(String userId, long conversationId, String content, Instant now,
                       Optional<IdempotencyClaim> claim);

    Optional<Message> message(String userId, long conversationId, long number);

    /** Oldest first, after message {@code after} when given. NOT_FOUND if the conversation does not exist. */
    Page<Message, Long> messages(String userId, long conversationId, int limit, OptionalLong after);

    /** Up to {@code count} messages numbered just below {@code before}, oldest first: one bounded read. */
    List<Message> recent(String userId, long conversationId, long before, int count);

    /**
     * Writes the settled reply if it is still pending and, with it, the conversation's new summary
     * if the summary is still at the version the turn read.
     */
    ReplyWrite settle(String userId, Conversation read, Message reply, String summary, Instant now);

    /** Marks the reply failed with {@code content}, if it is still pending. */
    boolean fail(String userId, long conversationId, long replyNumber, String content);

    /**
     * Deletes a conversation. Small ones go at once with all their messages; larger ones are marked
     * (they disappear from every read) and left for a background purge.
     */
    Deletion delete(String userId, long conversationId, Instant now);

    /** Removes every item of a conversation marked for deletion, a page at a time; false if more remain. */
    boolean purge(String userId, long conversationId, int maxItems);

    /** Pending replies and unfinished deletions whose last attempt is older than {@code before}. */
    List<StuckWork> stuck(Instant before, int limit);

    /** Notes that the reply's job was sent again at {@code now}; false if it settled meanwhile. */
    boolean markRequeued(String userId, long conversationId, long replyNumber, Instant now);

    /** Notes that the purge job was sent again at {@code now}. */
    void markPurgeRequeued(String userId, long conversationId, Instant now);

    enum ReplyWrite {
        /** The reply and the summary are written. */
        WRITTEN,
        /** The reply was already settled (a repeated job): nothing written. */
        ALREADY_SETTLED,
        /** The conversation is gone or going: nothing written. */
        CONVERSATION_GONE,
        /** Another turn changed the summary since it was read: run the turn again. */
        SUMMARY_MOVED
    }

    enum Deletion {
        /** Everything is gone. */
        DELETED,
        /** Marked and hidden; a purge job must remove the items. */
        SCHEDULED
    }
}
