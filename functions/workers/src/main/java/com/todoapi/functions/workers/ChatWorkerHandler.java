package com.todoapi.functions.workers;

import com.todoapi.chat.ReplyTurns;
import com.todoapi.http.TimeBudget;
import com.todoapi.log.RequestLog;
import com.todoapi.queue.Job;
import com.todoapi.queue.JobCodec;
import com.todoapi.queue.QueueWorker;
import com.todoapi.queue.SqsBatch;
import com.todoapi.queue.SqsJobQueue;
import com.todoapi.wiring.Services;

import java.util.Map;

/**
 * The chat queue's worker: writes the assistant's reply for each job. A failed job comes back
 * after a growing delay ({@code CHAT_RETRY_DELAY_SECONDS}, doubled each time); on its last
 * receive ({@code CHAT_MAX_RECEIVES}, the queue's maxReceiveCount) the reply is marked failed for
 * the person to read before the message goes on to the dead-letter queue.
 */
public final class ChatWorkerHandler extends QueueWorker {
    private final ReplyTurns replies;
    private final SqsJobQueue queue;
    private final int maxReceives;
    private final int retryDelaySeconds;

    public ChatWorkerHandler() {
        this(Services.fromEnvironment());
    }

    ChatWorkerHandler(Services services) {
        this.replies = services.replyTurns();
        this.queue = services.jobs();
        this.maxReceives = Integer.parseInt(services.env().require("CHAT_MAX_RECEIVES"));
        this.retryDelaySeconds = Integer.parseInt(services.env().require("CHAT_RETRY_DELAY_SECONDS"));
    }

    @Override
    protected String process(Job job, TimeBudget budget) {
        if (!(job instanceof Job.Reply reply)) {
            throw new IllegalArgumentException("The chat queue carries reply jobs only");
        }
        return replies.answer(reply) ? "replied" : "nothing_to_do";
    }

    /** The turn's reads for a reply nobody asked for: nothing found, nothing written. */
    @Override
    protected void primeJobs() {
        replies.answer(new Job.Reply("snapstart-priming", 1, 2));
    }

    @Override
    protected void afterFailure(SqsBatch.Record record, RuntimeException failure) {
        try {
            if (record.receiveCount() >= maxReceives) {
                if (JobCodec.decode(record.body()) instanceof Job.Reply reply && replies.giveUp(reply)) {
                    RequestLog.work("WARN", "reply_failed", Map.of("message_id", record.messageId()), null);
                }
                // Visible again at once: the next receive moves it to the dead-letter queue.
                queue.retryChatJobAfter(record.receiptHandle(), 0);
                return;
            }
            int delay = retryDelaySeconds << Math.min(10, record.receiveCount() - 1);
            queue.retryChatJobAfter(record.receiptHandle(), Math.min(delay, 900));
        } catch (RuntimeException alsoFailing) {
            // The message still goes back; the sweeper settles a reply nobody could mark.
            RequestLog.work("WARN", "after_failure_failed", Map.of("message_id", record.messageId()), alsoFailing);
        }
    }
}
