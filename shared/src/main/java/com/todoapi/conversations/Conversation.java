package com.todoapi.conversations;

import java.time.Instant;
import java.util.Optional;

/**
 * A user's conversation. {@code messageCount} is the number of the last message (user messages
 * and replies are numbered together from 1); {@code summary} is the assistant's rolling memory of
 * the turns, and {@code summaryVersion} moves on with each change of it.
 */
public record Conversation(long id, String title, Instant createdAt, Instant updatedAt, Instant lastMessageAt,
                           long messageCount, String summary, long summaryVersion) {

    public Optional<Instant> lastMessage() {
        return Optional.ofNullable(lastMessageAt);
    }

    /** When it was last active: its last message, or its creation. Lists show the most active first. */
    public Instant activeAt() {
        return lastMessageAt == null ? createdAt : lastMessageAt;
    }
}
