package com.todoapi.functions.conversations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.todoapi.conversations.Conversation;
import com.todoapi.json.Timestamps;

/** A conversation as docs/api.md shows it; {@code last_message_at} is null until the first message. */
record ConversationView(long id, String title, String createdAt, String updatedAt,
                        @JsonInclude(JsonInclude.Include.ALWAYS) String lastMessageAt) {

    static ConversationView of(Conversation c) {
        return new ConversationView(c.id(), c.title(), Timestamps.format(c.createdAt()),
                Timestamps.format(c.updatedAt()), c.lastMessage().map(Timestamps::format).orElse(null));
    }
}
