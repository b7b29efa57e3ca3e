package com.todoapi.conversations;

import java.time.Instant;
import java.util.List;

/** What the sweeper scans and marks: work whose job may have been lost, across all users. */
public interface UnsettledWork {

    /** Pending replies and unfinished deletions whose last attempt is older than {@code before}. */
    List<StuckWork> stuck(Instant before, int limit);

    /** Notes that the reply's job was sent again at {@code now}; false if it settled meanwhile. */
    boolean markRequeued(String userId, long conversationId, long replyNumber, Instant now);

    /** Notes that the purge job was sent again at {@code now}. */
    void markPurgeRequeued(String userId, long conversationId, Instant now);

    /** Marks the reply failed with {@code content}, if it is still pending. */
    boolean fail(String userId, long conversationId, long replyNumber, String content);
}
