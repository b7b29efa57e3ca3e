package com.todoapi.conversations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.todoapi.json.Json;

import java.time.Instant;

/** Conversations and posted messages frozen as text, as idempotency records keep a first result. */
public final class ConversationSnapshots {

    private record ConversationSnapshot(long id, String title, long createdAtMillis, long updatedAtMillis,
                                        Long lastMessageAtMillis) {
    }

    private record PostedSnapshot(long conversationId, long messageNumber, String content, long createdAtMillis) {
    }

    private ConversationSnapshots() {
    }

    public static String encode(Conversation c) {
        return write(new ConversationSnapshot(c.id(), c.title(), c.createdAt().toEpochMilli(),
                c.updatedAt().toEpochMilli(), c.lastMessage().map(Instant::toEpochMilli).orElse(null)));
    }

    public static Conversation decodeConversation(String text) {
        ConversationSnapshot s = read(text, ConversationSnapshot.class);
        return new Conversation(s.id(), s.title(), Instant.ofEpochMilli(s.createdAtMillis()),
                Instant.ofEpochMilli(s.updatedAtMillis()),
                s.lastMessageAtMillis() == null ? null : Instant.ofEpochMilli(s.lastMessageAtMillis()), 0, "", 0);
    }

    public static String encode(PostedMessage posted) {
        return write(new PostedSnapshot(posted.conversationId(), posted.message().number(), posted.message().content(),
                posted.message().createdAt().toEpochMilli()));
    }

    /** The post as it was answered: the user message, and its reply as pending. */
    public static PostedMessage decodePosted(String text) {
        PostedSnapshot s = read(text, PostedSnapshot.class);
        Instant at = Instant.ofEpochMilli(s.createdAtMillis());
        return new PostedMessage(s.conversationId(), Message.fromUser(s.messageNumber(), s.content(), at),
                Message.pendingReply(s.messageNumber() + 1, at));
    }

    private static String write(Object snapshot) {
        try {
            return Json.MAPPER.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A snapshot could not be written", e);
        }
    }

    private static <T> T read(String text, Class<T> type) {
        try {
            return Json.MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored snapshot could not be read", e);
        }
    }
}
