package com.todoapi.conversations;

import com.todoapi.jobs.Job;
import com.todoapi.jobs.JobQueue;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Removes the items of a conversation marked for deletion, a page at a time, while the invocation
 * has time for another page. A conversation too big for one invocation is handed on to a new job,
 * not failed.
 */
public final class ConversationPurger {
    private static final int PAGE = 200;
    private static final Duration ENOUGH_FOR_A_PAGE = Duration.ofSeconds(3);

    private final ConversationPurges conversations;
    private final JobQueue jobs;

    public ConversationPurger(ConversationPurges conversations, JobQueue jobs) {
        this.conversations = conversations;
        this.jobs = jobs;
    }

    /** {@code "purged"} when nothing is left, {@code "continued"} when a new job carries on. */
    public String purge(Job.PurgeConversation purge, Supplier<Duration> timeLeft) {
        while (timeLeft.get().compareTo(ENOUGH_FOR_A_PAGE) > 0) {
            if (conversations.purge(purge.userId(), purge.conversationId(), PAGE)) {
                return "purged";
            }
        }
        jobs.send(purge);
        return "continued";
    }

    /** The purge's first read, of a conversation nobody has, for priming: what its role allows it. */
    public void primeRead() {
        conversations.readFirstPage("snapstart-priming", 1);
    }
}
