package com.todoapi.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.todoapi.json.Json;

/**
 * Jobs as queue message bodies: {@code {"type":"reply","user_id":..,"conversation_id":..,"reply_number":..}}.
 * A body that is not a known job is rejected, so a malformed message fails loudly and ends in the DLQ.
 */
public final class JobCodec {

    private record Envelope(String type, String userId, Long conversationId, Long replyNumber) {
    }

    private JobCodec() {
    }

    public static String encode(Job job) {
        Envelope envelope = switch (job) {
            case Job.Reply r -> new Envelope("reply", r.userId(), r.conversationId(), r.replyNumber());
            case Job.PurgeConversation p -> new Envelope("purge_conversation", p.userId(), p.conversationId(), null);
            case Job.PurgeUser p -> new Envelope("purge_user", p.userId(), p.fromConversation(), null);
        };
        try {
            return Json.MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A job could not be written", e);
        }
    }

    public static Job decode(String body) {
        Envelope e;
        try {
            e = Json.MAPPER.readValue(body, Envelope.class);
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            throw new IllegalArgumentException("The message body is not a job", unreadable);
        }
        if (e == null || e.userId() == null || e.userId().isEmpty() || e.conversationId() == null) {
            throw new IllegalArgumentException("The message body is not a job");
        }
        return switch (String.valueOf(e.type())) {
            case "reply" -> {
                if (e.replyNumber() == null) {
                    throw new IllegalArgumentException("A reply job names no reply");
                }
                yield new Job.Reply(e.userId(), e.conversationId(), e.replyNumber());
            }
            case "purge_conversation" -> new Job.PurgeConversation(e.userId(), e.conversationId());
            case "purge_user" -> new Job.PurgeUser(e.userId(), e.conversationId());
            default -> throw new IllegalArgumentException("Unknown job type");
        };
    }
}
