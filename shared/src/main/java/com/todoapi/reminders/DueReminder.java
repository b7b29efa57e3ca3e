package com.todoapi.reminders;

import java.time.Instant;

/** A pending reminder whose time has come, as the reminder index shows it: whose task, and for when. */
public record DueReminder(String userId, long taskId, Instant remindAt) {
}
