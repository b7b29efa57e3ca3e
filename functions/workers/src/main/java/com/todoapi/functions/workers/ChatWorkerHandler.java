package com.todoapi.functions.workers;

import com.todoapi.chat.ReplyRetries;
import com.todoapi.chat.ReplyTurns;
import com.todoapi.jobs.Job;
import com.todoapi.lambda.QueueWorker;
import com.todoapi.lambda.SqsBatch;
import com.todoapi.lambda.TimeBudget;
import com.todoapi.metrics.Metrics;
import com.todoapi.wiring.Services;

/**
 * The chat queue's worker: writes the assistant's reply for each job; a failed job is retried
 * as {@link ReplyRetries} decides, and its reply marked failed on its last receive.
 */
public final class ChatWorkerHandler extends QueueWorker {
    private final ReplyTurns replies;
    private final ReplyRetries retries;

    public ChatWorkerHandler() {
        this(Services.forBackgroundWork());
    }

    ChatWorkerHandler(Services services) {
        this.replies = services.replyTurns();
        this.retries = services.replyRetries(replies);
    }

    @Override
    protected String process(Job job, TimeBudget budget, Metrics metrics) {
        if (!(job instanceof Job.Reply reply)) {
            throw new IllegalArgumentException("The chat queue carries reply jobs only");
        }
        return replies.answer(reply, metrics, budget.left()) ? "replied" : "nothing_to_do";
    }

    /** The turn's reads for a reply nobody asked for: nothing found, nothing written. */
    @Override
    protected void primeJobs() {
        replies.answer(new Job.Reply("snapstart-priming", 1, 2));
    }

    @Override
    protected void afterFailure(SqsBatch.Record record, RuntimeException failure, Metrics metrics) {
        retries.afterFailure(record.body(), record.receiveCount(), record.receiptHandle(), record.messageId(), metrics);
    }
}
