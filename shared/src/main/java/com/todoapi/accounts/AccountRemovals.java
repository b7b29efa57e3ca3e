package com.todoapi.accounts;

import java.time.Instant;

/**
 * What leaving needs from the store: the user's partitions found by their known keys (never a scan),
 * emptied a page at a time. Every method is safe to repeat and to run concurrently with itself.
 */
public interface AccountRemovals extends LeavingCheck {

    /** The partition families of a user besides the conversations, in the order a purge empties them. */
    enum Family {
        /** {@code TICKET#<sha256>}: live connect tickets not yet used (at most 60 s old), found through gsi1's {@code USER#<sub>#TICKETS}. */
        LIVE_TICKETS,
        /** {@code USER#<sub>#TOKENS}: the model token budget, one item a day. */
        TOKEN_BUDGET,
        /** {@code RATE#<sub>}: rate-limit windows. */
        RATE_LIMIT,
        /** {@code USER#<sub>}: tasks, counters, idempotency records, the API keys' owner items, the profile ({@code PROFILE}). Last: it holds the counters. */
        USER
    }

    /**
     * Writes (or rewrites) the user's leaving marker, {@code LEAVING#<sub>}, listed in gsi1's
     * {@code WORK#<shard>} so that the sweeper resumes a purge whose job was lost.
     */
    void markLeaving(String userId, Instant now);

    /** Whether the marker is there: a purge job of a user no longer leaving does nothing. */
    @Override
    boolean isLeaving(String userId);

    /** Notes that the purge job was sent again at {@code now}; nothing if the purge finished meanwhile. */
    void markPurgeRequeued(String userId, Instant now);

    /** Removes the marker: the purge is over. */
    void unmarkLeaving(String userId);

    /** Deletes the item of every API key of the user ({@code APIKEY#<digest>}), found through the owner's items. */
    int deleteKeyItems(String userId);

    /** The highest conversation number the user was given (the counter), 0 if none. */
    long lastConversation(String userId);

    /** Deletes up to {@code maxItems} items of conversation {@code conversationId}; true once it is empty. */
    boolean purgeConversation(String userId, long conversationId, int maxItems);

    /** Deletes up to {@code maxItems} items of the family's partition; true once it is empty. */
    boolean purge(String userId, Family family, int maxItems);

    /** The purge's first read and nothing more, for priming. */
    void readMarker(String userId);
}
