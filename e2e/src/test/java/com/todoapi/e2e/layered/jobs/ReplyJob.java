package com.todoapi.e2e.layered.jobs;

import com.todoapi.e2e.layered.chat.Turns;

/** The other half of the chat/jobs cycle of the fixture. Never deployed. */
public record ReplyJob(Turns from) {
}
