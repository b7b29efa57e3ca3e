package com.todoapi.conversations;

/** What the cleanup worker needs: the purge of conversations marked for deletion. */
public interface ConversationPurges {

    /** Removes every item of a conversation marked for deletion, a page at a time; false if more remain. */
    boolean purge(String userId, long conversationId, int maxItems);

    /** The purge's first read and nothing more: one page of the conversation's items, for priming. */
    void readFirstPage(String userId, long conversationId);
}
