package com.todoapi.e2e.layered.chat;

import com.todoapi.e2e.layered.jobs.ReplyJob;

/** With {@link ReplyJob}, breaks "no package cycles": chat and jobs use each other. Never deployed. */
public final class Turns {
    public ReplyJob next() {
        return new ReplyJob(this);
    }
}
