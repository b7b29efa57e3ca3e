package com.todoapi.conversations;

import com.todoapi.agent.TurnJournal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the chat worker reads and writes to settle a pending reply; scoped to one user like every port. */
public interface ReplySettlement {

    Optional<Conversation> find(String userId, long conversationId);

    /** Up to {@code count} messages numbered just below {@code before}, oldest first: one bounded read. */
    List<Message> recent(String userId, long conversationId, long before, int count);

    /**
     * Writes the settled reply if it is still pending and, with it, the conversation's new summary
     * if the summary is still at the version the turn read.
     */
    ReplyWrite settle(String userId, Conversation read, Message reply, String summary, Instant now);

    /**
     * Where a model turn of this pending reply checkpoints its rounds: read when the turn first
     * asks, saved on the reply item while it is pending, gone once the reply is settled.
     */
    TurnJournal journal(String userId, long conversationId, long replyNumber);

    /** Marks the reply failed with {@code content}, if it is still pending. */
    boolean fail(String userId, long conversationId, long replyNumber, String content);

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
}
