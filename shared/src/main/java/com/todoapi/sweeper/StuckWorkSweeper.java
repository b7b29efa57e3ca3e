package com.todoapi.sweeper;

import com.todoapi.accounts.AccountRemovals;
import com.todoapi.chat.ReplyTurns;
import com.todoapi.conversations.StuckWork;
import com.todoapi.conversations.UnsettledWork;
import com.todoapi.jobs.Job;
import com.todoapi.jobs.JobQueue;
import com.todoapi.log.RequestLog;
import com.todoapi.metrics.Metric;
import com.todoapi.metrics.Metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Settles background work that did not settle in time: a reply pending past the threshold gets
 * its job sent once more (its job may have been lost between the write and the send); pending
 * that long again, it is marked failed. A deletion not finished (a conversation's, or a whole
 * user's after {@code DELETE /v1/me}) gets its purge job again.
 * {@link #resendAll()} is the re-drive for when the queues are known to have lost their jobs
 * (an emulator restarted empty, a purged queue): every unsettled job is sent again at once.
 */
public final class StuckWorkSweeper {
    private static final int BATCH = 100;
    private static final int RESEND_ALL_LIMIT = 1_000;

    private final UnsettledWork conversations;
    private final AccountRemovals leavers;
    private final JobQueue jobs;
    private final Clock clock;
    private final Duration threshold;

    public StuckWorkSweeper(UnsettledWork conversations, AccountRemovals leavers, JobQueue jobs, Clock clock,
                            Duration threshold) {
        this.conversations = conversations;
        this.leavers = leavers;
        this.jobs = jobs;
        this.clock = clock;
        this.threshold = threshold;
    }

    public Sweep sweep() {
        Instant now = clock.instant();
        int requeued = 0;
        int failed = 0;
        int purges = 0;
        for (StuckWork work : conversations.stuck(now.minus(threshold), BATCH)) {
            switch (work) {
                case StuckWork.PendingReply reply when reply.requeued() -> {
                    if (conversations.fail(reply.userId(), reply.conversationId(), reply.replyNumber(),
                            ReplyTurns.FAILED_REPLY)) {
                        failed++;
                    }
                }
                case StuckWork.PendingReply reply -> {
                    jobs.send(new Job.Reply(reply.userId(), reply.conversationId(), reply.replyNumber()));
                    if (conversations.markRequeued(reply.userId(), reply.conversationId(), reply.replyNumber(), now)) {
                        requeued++;
                    }
                }
                case StuckWork.DeletingConversation deleting -> {
                    jobs.send(new Job.PurgeConversation(deleting.userId(), deleting.conversationId()));
                    conversations.markPurgeRequeued(deleting.userId(), deleting.conversationId(), now);
                    purges++;
                }
                case StuckWork.LeavingUser leaving -> {
                    jobs.send(new Job.PurgeUser(leaving.userId(), 1));
                    leavers.markPurgeRequeued(leaving.userId(), now);
                    purges++;
                }
            }
        }
        Sweep sweep = new Sweep(requeued, failed, purges);
        RequestLog.work("INFO", "sweep", Map.of("requeued", requeued, "failed", failed, "purges", purges), null);
        return sweep;
    }

    /**
     * Sends the job of every pending reply and unfinished deletion again, whatever its age,
     * and changes nothing in the table: the workers ignore a job already settled, so a job
     * that was not lost after all costs one duplicate delivery and no second reply.
     */
    public Sweep resendAll() {
        int replies = 0;
        int purges = 0;
        for (StuckWork work : conversations.stuck(clock.instant(), RESEND_ALL_LIMIT)) {
            switch (work) {
                case StuckWork.PendingReply reply -> {
                    jobs.send(new Job.Reply(reply.userId(), reply.conversationId(), reply.replyNumber()));
                    replies++;
                }
                case StuckWork.DeletingConversation deleting -> {
                    jobs.send(new Job.PurgeConversation(deleting.userId(), deleting.conversationId()));
                    purges++;
                }
                case StuckWork.LeavingUser leaving -> {
                    jobs.send(new Job.PurgeUser(leaving.userId(), 1));
                    purges++;
                }
            }
        }
        Sweep sweep = new Sweep(replies, 0, purges);
        RequestLog.work("INFO", "resend_all", Map.of("requeued", replies, "purges", purges), null);
        return sweep;
    }

    /** What one sweep did. */
    public record Sweep(int requeued, int failed, int purges) {
        /** The replies sent again and marked failed, zeros included: one point per sweep keeps the series whole. */
        public Metrics metrics() {
            Metrics metrics = new Metrics();
            metrics.add(Metric.SWEEPER_REQUEUED, requeued);
            metrics.add(Metric.SWEEPER_FAILED, failed);
            return metrics;
        }
    }
}
