package com.todoapi.functions.workers;

import com.todoapi.accounts.AccountPurger;
import com.todoapi.conversations.ConversationPurger;
import com.todoapi.jobs.Job;
import com.todoapi.lambda.QueueWorker;
import com.todoapi.lambda.TimeBudget;
import com.todoapi.metrics.Metrics;
import com.todoapi.wiring.Services;

/**
 * The cleanup queue's worker: purges conversations marked for deletion ({@link ConversationPurger})
 * and the items of users who left ({@link AccountPurger}).
 */
public final class CleanupWorkerHandler extends QueueWorker {
    private final ConversationPurger purger;
    private final AccountPurger leavers;

    public CleanupWorkerHandler() {
        this(Services.forBackgroundWork());
    }

    CleanupWorkerHandler(Services services) {
        this.purger = services.conversationPurger();
        this.leavers = services.accountPurger();
    }

    @Override
    protected void primeJobs() {
        purger.primeRead();
        leavers.primeRead();
    }

    @Override
    protected String process(Job job, TimeBudget budget, Metrics metrics) {
        return switch (job) {
            case Job.PurgeConversation purge -> purger.purge(purge, budget::left);
            case Job.PurgeUser leaving -> leavers.purge(leaving, budget::left);
            case Job.Reply reply -> throw new IllegalArgumentException("The cleanup queue carries purge jobs only");
        };
    }
}
