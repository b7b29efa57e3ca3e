package com.todoapi.chat;

import com.todoapi.jobs.Job;
import com.todoapi.jobs.JobCodec;
import com.todoapi.jobs.Redelivery;
import com.todoapi.log.RequestLog;
import com.todoapi.metrics.Metrics;

import java.util.Map;

/**
 * What happens to a chat job whose turn failed. It comes back after a growing delay
 * ({@code retryDelaySeconds}, doubled each time, at most 15 minutes); on its last receive
 * ({@code maxReceives}, the queue's maxReceiveCount) the reply is marked failed for the person to
 * read, and the job is made visible at once so that the next receive moves it to the dead-letter queue.
 */
public final class ReplyRetries {
    private static final int LONGEST_DELAY_SECONDS = 900;

    private final ReplyTurns replies;
    private final Redelivery redelivery;
    private final int maxReceives;
    private final int retryDelaySeconds;

    public ReplyRetries(ReplyTurns replies, Redelivery redelivery, int maxReceives, int retryDelaySeconds) {
        this.replies = replies;
        this.redelivery = redelivery;
        this.maxReceives = maxReceives;
        this.retryDelaySeconds = retryDelaySeconds;
    }

    /** After the turn of the job in {@code body} failed on its {@code receiveCount}th receive. */
    public void afterFailure(String body, int receiveCount, String receiptHandle, String messageId, Metrics metrics) {
        try {
            if (receiveCount >= maxReceives) {
                if (JobCodec.decode(body) instanceof Job.Reply reply && replies.giveUp(reply, metrics)) {
                    RequestLog.work("WARN", "reply_failed", Map.of("message_id", messageId), null);
                }
                redelivery.redeliverChatJobAfter(receiptHandle, 0);
                return;
            }
            int delay = retryDelaySeconds << Math.min(10, receiveCount - 1);
            redelivery.redeliverChatJobAfter(receiptHandle, Math.min(delay, LONGEST_DELAY_SECONDS));
        } catch (RuntimeException alsoFailing) {
            // The message still goes back; the sweeper settles a reply nobody could mark.
            RequestLog.work("WARN", "after_failure_failed", Map.of("message_id", messageId), alsoFailing);
        }
    }
}
