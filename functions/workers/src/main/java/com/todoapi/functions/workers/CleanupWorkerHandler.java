package com.todoapi.functions.workers;

import com.todoapi.conversations.ConversationPurger;
import com.todoapi.jobs.Job;
import com.todoapi.lambda.QueueWorker;
import com.todoapi.lambda.TimeBudget;
import com.todoapi.metrics.Metrics;
import com.todoapi.wiring.Services;

/** The cleanup queue's worker: purges conversations marked for deletion ({@link ConversationPurger}). */
public final class CleanupWorkerHandler extends QueueWorker {
    private final ConversationPurger purger;

    public CleanupWorkerHandler() {
        this(Services.forBackgroundWork());
    }

    CleanupWorkerHandler(Services services) {
        this.purger = services.conversationPurger();
    }

    @Override
    protected void primeJobs() {
        purger.primeRead();
    }

    @Override
    protected String process(Job job, TimeBudget budget, Metrics metrics) {
        if (!(job instanceof Job.PurgeConversation purge)) {
            throw new IllegalArgumentException("The cleanup queue carries purge jobs only");
        }
        return purger.purge(purge, budget::left);
    }
}
