package com.todoapi.conversations;

import com.todoapi.domain.Page;
import com.todoapi.idempotency.IdempotencyClaim;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where conversations and their messages live, as the routes use them. Every method is scoped to
 * one user: another user's conversation does not exist. A conversation being deleted does not
 * exist either. The chat worker, the cleanup worker and the sweeper have ports of their own
 * ({@link ReplySettlement}, {@link ConversationPurges}, {@link UnsettledWork}).
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

    /**
     * Deletes a conversation. Small ones go at once with all their messages; larger ones are marked
     * (they disappear from every read) and left for a background purge.
     */
    Deletion delete(String userId, long conversationId, Instant now);

    enum Deletion {
        /** Everything is gone. */
        DELETED,
        /** Marked and hidden; a purge job must remove the items. */
        SCHEDULED
    }
}
