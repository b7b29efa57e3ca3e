package com.todoapi.jobs;

/** Where jobs go. Sending may fail (the queue not answering); callers leave the work findable by the sweeper. */
public interface JobQueue {

    /** For functions that only read: sending is a wiring mistake, not an outage. */
    JobQueue NONE = job -> {
        throw new IllegalStateException("This function sends no jobs");
    };

    void send(Job job);
}
