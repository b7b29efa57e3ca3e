package com.todoapi.conversations;

import java.util.Optional;

/** What the cleanup worker needs: the purge of conversations marked for deletion. */
public interface ConversationPurges {

    /** Removes every item of a conversation marked for deletion, a page at a time; false if more remain. */
    boolean purge(String userId, long conversationId, int maxItems);

    /** A conversation as every read sees it; the purge's priming reads one nobody has. */
    Optional<Conversation> find(String userId, long conversationId);
}
