package com.todoapi.jobs;

/** Slow work handed to a queue worker. Jobs name what to do, never carry user data beyond ids. */
public sealed interface Job {

    String userId();

    long conversationId();

    /** Write the assistant's reply numbered {@code replyNumber}. */
    record Reply(String userId, long conversationId, long replyNumber) implements Job {
    }

    /** Remove every item of a conversation marked for deletion. */
    record PurgeConversation(String userId, long conversationId) implements Job {
    }
}
