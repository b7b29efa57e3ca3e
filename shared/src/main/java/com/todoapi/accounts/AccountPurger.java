package com.todoapi.accounts;

import com.todoapi.jobs.Job;
import com.todoapi.jobs.JobQueue;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Removes every item of a user who left, in the background (the cleanup queue's {@link Job.PurgeUser}):
 * the API keys' items, the conversations one by one (numbered 1 to the counter's last), the token
 * budget, the rate-limit windows, then the user's own partition (tasks, counters, idempotency records,
 * the keys' owner items), and the leaving marker last, so that until the end the sweeper finds the
 * unfinished work. Every step deletes what it finds, so a purge that died anywhere is simply run again;
 * a purge too big for one invocation hands the rest on to a new job, which resumes at the first
 * conversation not yet emptied. A job of a user with no marker (a duplicate delivery after the purge
 * finished, when the person may already have started afresh) deletes nothing.
 */
public final class AccountPurger {
    private static final int PAGE = 200;
    private static final Duration ENOUGH_FOR_A_PAGE = Duration.ofSeconds(3);

    private final AccountRemovals store;
    private final JobQueue jobs;

    public AccountPurger(AccountRemovals store, JobQueue jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    /** {@code "purged"} when nothing is left, {@code "continued"} when a new job carries on, {@code "not_leaving"}. */
    public String purge(Job.PurgeUser job, Supplier<Duration> timeLeft) {
        String userId = job.userId();
        if (!store.isLeaving(userId)) {
            return "not_leaving";
        }
        store.deleteKeyItems(userId);
        long next = job.fromConversation();
        long last = store.lastConversation(userId);
        while (next <= last) {
            if (!enoughTime(timeLeft)) {
                return continueAt(userId, next);
            }
            if (store.purgeConversation(userId, next, PAGE)) {
                next++;
            }
        }
        for (AccountRemovals.Family family : AccountRemovals.Family.values()) {
            do {
                if (!enoughTime(timeLeft)) {
                    return continueAt(userId, next);
                }
            } while (!store.purge(userId, family, PAGE));
        }
        store.unmarkLeaving(userId);
        return "purged";
    }

    /** The purge's first read (of a marker nobody has), for priming: what its role allows it. */
    public void primeRead() {
        store.readMarker("snapstart-priming");
    }

    private static boolean enoughTime(Supplier<Duration> timeLeft) {
        return timeLeft.get().compareTo(ENOUGH_FOR_A_PAGE) > 0;
    }

    private String continueAt(String userId, long next) {
        jobs.send(new Job.PurgeUser(userId, next));
        return "continued";
    }
}
