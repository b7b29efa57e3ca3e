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

    /**
     * Remove every item of a user who asked to leave ({@code DELETE /v1/me}). {@code fromConversation}
     * is where a continued purge resumes: the conversations numbered below it are already gone.
     */
    record PurgeUser(String userId, long fromConversation) implements Job {
        public PurgeUser {
            if (fromConversation < 1) {
                throw new IllegalArgumentException("Conversation numbers start at 1");
            }
        }

        /** The conversation the purge resumes at (the envelope's {@code conversation_id}). */
        @Override
        public long conversationId() {
            return fromConversation;
        }
    }
}
