package com.todoapi.aws.dynamodb;

import com.todoapi.conversations.Conversation;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

import java.time.Instant;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/**
 * A conversation as stored: {@code USER#<sub>#CONV#<n>} / {@code CONV}. In gsi1 it is listed under
 * the user's conversations by activity, or while it is being deleted, under the sweeper's work.
 * Null fields are left alone by the partial updates ({@code IgnoreNullsMode.SCALAR_ONLY}).
 */
record ConversationItem(String pk, String sk, String gsi1pk, String gsi1sk, String userId, Long conversationId,
                        String title, Instant createdAt, Instant updatedAt, Instant lastMessageAt, Long lastMessage,
                        String summary, Long summaryVersion, String state) {
    static final String ACTIVE = "active";
    static final String DELETING = "deleting";

    static final TableSchema<ConversationItem> SCHEMA = StaticImmutableTableSchema
            .builder(ConversationItem.class, ItemFields.class)
            .newItemBuilder(ItemFields::new, f -> new ConversationItem(f.get("pk"), f.get("sk"), f.get("gsi1pk"),
                    f.get("gsi1sk"), f.get("user_id"), f.get("conversation_id"), f.get("title"), f.get("created_at"),
                    f.get("updated_at"), f.get("last_message_at"), f.get("last_message"), f.get("summary"),
                    f.get("summary_version"), f.get("state")))
            .addAttribute(String.class, ItemFields.attribute("pk", ConversationItem::pk, primaryPartitionKey()))
            .addAttribute(String.class, ItemFields.attribute("sk", ConversationItem::sk, primarySortKey()))
            .addAttribute(String.class, ItemFields.attribute("gsi1pk", ConversationItem::gsi1pk,
                    secondaryPartitionKey(Tables.STATUS_INDEX)))
            .addAttribute(String.class, ItemFields.attribute("gsi1sk", ConversationItem::gsi1sk,
                    secondarySortKey(Tables.STATUS_INDEX)))
            .addAttribute(String.class, ItemFields.attribute("user_id", ConversationItem::userId))
            .addAttribute(Long.class, ItemFields.attribute("conversation_id", ConversationItem::conversationId))
            .addAttribute(String.class, ItemFields.attribute("title", ConversationItem::title))
            .addAttribute(Instant.class, ItemFields.instant("created_at", ConversationItem::createdAt))
            .addAttribute(Instant.class, ItemFields.instant("updated_at", ConversationItem::updatedAt))
            .addAttribute(Instant.class, ItemFields.instant("last_message_at", ConversationItem::lastMessageAt))
            .addAttribute(Long.class, ItemFields.attribute("last_message", ConversationItem::lastMessage))
            .addAttribute(String.class, ItemFields.attribute("summary", ConversationItem::summary))
            .addAttribute(Long.class, ItemFields.attribute("summary_version", ConversationItem::summaryVersion))
            .addAttribute(String.class, ItemFields.attribute("state", ConversationItem::state))
            .build();

    static ConversationItem of(String userId, Conversation c) {
        return new ConversationItem(Keys.conversation(userId, c.id()), Keys.CONVERSATION,
                Keys.conversationsByActivity(userId), Keys.activity(c.activeAt(), c.id()), userId, c.id(), c.title(),
                c.createdAt(), c.updatedAt(), c.lastMessageAt(), c.messageCount(), c.summary(), c.summaryVersion(),
                ACTIVE);
    }

    /** Only the keys: the start of a partial update. */
    static ConversationItem keys(String userId, long conversationId) {
        return new ConversationItem(Keys.conversation(userId, conversationId), Keys.CONVERSATION, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    boolean active() {
        return ACTIVE.equals(state);
    }

    Conversation toConversation() {
        return new Conversation(conversationId, title, createdAt, updatedAt, lastMessageAt,
                lastMessage == null ? 0 : lastMessage, summary == null ? "" : summary,
                summaryVersion == null ? 0 : summaryVersion);
    }
}
