package com.todoapi.conversations;

import java.time.Instant;

/** Background work that has not settled in time, as the sweeper finds it. */
public sealed interface StuckWork {

    /** A reply still pending since {@code since}; {@code requeued} once the sweeper sent its job again. */
    record PendingReply(String userId, long conversationId, long replyNumber, Instant since, boolean requeued)
            implements StuckWork {
    }

    /** A conversation marked for deletion whose items are not all gone yet. */
    record DeletingConversation(String userId, long conversationId, Instant since) implements StuckWork {
    }

    /** A user who asked to leave ({@code DELETE /v1/me}) and whose items are not all gone yet. */
    record LeavingUser(String userId, Instant since) implements StuckWork {
    }
}
