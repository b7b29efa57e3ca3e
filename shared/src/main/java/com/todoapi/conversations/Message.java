package com.todoapi.conversations;

import com.todoapi.agent.ReplyUsage;
import com.todoapi.agent.ToolCall;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A message of a conversation: the person's, or the assistant's reply (pending until a worker
 * writes it). A reply a language model wrote says what it used.
 */
public record Message(long number, Role role, String content, Status status, List<ToolCall> toolCalls,
                      Instant createdAt, Optional<ReplyUsage> usage) {

    public enum Role {
        USER, ASSISTANT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Status {
        COMPLETED, PENDING, FAILED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Message {
        toolCalls = List.copyOf(toolCalls);
        usage = usage == null ? Optional.empty() : usage;
    }

    /** Message ids are their numbers within the conversation, as strings. */
    public String id() {
        return Long.toString(number);
    }

    public boolean settled() {
        return status != Status.PENDING;
    }

    public static Message fromUser(long number, String content, Instant at) {
        return new Message(number, Role.USER, content, Status.COMPLETED, List.of(), at, Optional.empty());
    }

    public static Message pendingReply(long number, Instant at) {
        return new Message(number, Role.ASSISTANT, "", Status.PENDING, List.of(), at, Optional.empty());
    }

    public Message completed(String text, List<ToolCall> calls) {
        return completed(text, calls, Optional.empty());
    }

    public Message completed(String text, List<ToolCall> calls, Optional<ReplyUsage> usage) {
        return new Message(number, role, text, Status.COMPLETED, calls, createdAt, usage);
    }

    public Message failed(String text) {
        return new Message(number, role, text, Status.FAILED, List.of(), createdAt, Optional.empty());
    }
}
