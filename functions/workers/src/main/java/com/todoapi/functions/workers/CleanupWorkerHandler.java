package com.todoapi.functions.workers;

import com.todoapi.conversations.ConversationStore;
import com.todoapi.http.TimeBudget;
import com.todoapi.queue.Job;
import com.todoapi.queue.JobQueue;
import com.todoapi.queue.QueueWorker;
import com.todoapi.wiring.Services;

import java.time.Duration;

/**
 * The cleanup queue's worker: removes the items of conversations marked for deletion, a page at a
 * time. A conversation too big for one invocation is handed on to a new job, not failed.
 */
public final class CleanupWorkerHandler extends QueueWorker {
    private static final int PAGE = 200;
    private static final Duration ENOUGH_FOR_A_PAGE = Duration.ofSeconds(3);

    private final ConversationStore conversations;
    private final JobQueue jobs;

    public CleanupWorkerHandler() {
        this(Services.fromEnvironment());
    }

    CleanupWorkerHandler(Services services) {
        this.conversations = services.conversationStore();
        this.jobs = services.jobs();
    }

    /** A read of a conversation nobody has. */
    @Override
    protected void primeJobs() {
        conversations.find("snapstart-priming", 1);
    }

    @Override
    protected String process(Job job, TimeBudget budget) {
        if (!(job instanceof Job.PurgeConversation purge)) {
            throw new IllegalArgumentException("The cleanup queue carries purge jobs only");
        }
        while (budget.left().compareTo(ENOUGH_FOR_A_PAGE) > 0) {
            if (conversations.purge(purge.userId(), purge.conversationId(), PAGE)) {
                return "purged";
            }
        }
        jobs.send(purge);
        return "continued";
    }
}
