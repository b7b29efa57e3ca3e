package com.todoapi.conversations;

/** A user message just stored, and the pending reply a worker will write. */
public record PostedMessage(long conversationId, Message message, Message reply) {
}
