package com.todoapi.accounts;

import com.todoapi.jobs.Job;
import com.todoapi.jobs.JobQueue;

import com.todoapi.log.RequestLog;

import java.time.Clock;
import java.util.Map;

/**
 * Leaving ({@code DELETE /v1/me}): the marker first (so that the sweeper finishes the purge whatever
 * happens next), then every API key's item (the keys are refused from this moment on), then the purge
 * job. A send that fails is not an error: the marker is the job's durable record, and the sweeper
 * sends it again after its threshold. Asking again while a purge runs starts it again, harmlessly.
 */
public final class AccountService {
    private final AccountRemovals store;
    private final JobQueue jobs;
    private final Clock clock;

    public AccountService(AccountRemovals store, JobQueue jobs, Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** True when the purge job was sent, false when the sweeper will send it. */
    public boolean leave(String userId) {
        store.markLeaving(userId, clock.instant());
        store.deleteKeyItems(userId);
        try {
            jobs.send(new Job.PurgeUser(userId, 1));
            return true;
        } catch (RuntimeException queueDown) {
            RequestLog.work("WARN", "job_not_sent", Map.of("job", "PurgeUser"), queueDown);
            return false;
        }
    }
}
