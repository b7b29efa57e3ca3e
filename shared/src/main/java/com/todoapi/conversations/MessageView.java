package com.todoapi.conversations;

import com.todoapi.agent.ReplyUsage;
import com.todoapi.agent.ToolCall;
import com.todoapi.json.Timestamps;

import java.util.List;

/**
 * A message as docs/api.md shows it; {@code usage} only on a reply a language model wrote. The
 * HTTP routes and the live {@code reply.completed} event show the same.
 */
public record MessageView(String id, String role, String content, String status, List<ToolCall> toolCalls,
                   String createdAt, ReplyUsage usage) {

    public static MessageView of(Message m) {
        return new MessageView(m.id(), m.role().wireName(), m.content(), m.status().wireName(), m.toolCalls(),
                Timestamps.format(m.createdAt()), m.usage().orElse(null));
    }

    /** A reply not written yet: only its id and status. */
    public record Pending(String id, String status) {
        public static Pending of(Message reply) {
            return new Pending(reply.id(), reply.status().wireName());
        }
    }
}
