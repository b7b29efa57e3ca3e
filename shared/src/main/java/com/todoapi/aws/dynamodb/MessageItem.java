package com.todoapi.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.todoapi.agent.ReplyUsage;
import com.todoapi.agent.ToolCall;
import com.todoapi.conversations.Message;
import com.todoapi.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

/**
 * A message as stored: {@code USER#<sub>#CONV#<n>} / {@code MSG#<number>}. A pending reply is also
 * in gsi1 under the sweeper's work (since it was asked for, or last sent again), and leaves it
 * when it is settled. Tool calls, and a model's usage, are kept as their JSON text. While a model
 * turn runs, the pending reply also holds its journal ({@link DynamoTurnJournal}); settling the
 * reply writes the whole item, which drops it.
 */
record MessageItem(String pk, String sk, String gsi1pk, String gsi1sk, String userId, Long conversationId,
                   Long number, String role, String content, String status, String toolCalls, Instant createdAt,
                   Instant requeuedAt, String usage) {
    private static final TypeReference<List<ToolCall>> TOOL_CALLS = new TypeReference<>() {
    };

    static final TableSchema<MessageItem> SCHEMA = StaticImmutableTableSchema
            .builder(MessageItem.class, ItemFields.class)
            .newItemBuilder(ItemFields::new, f -> new MessageItem(f.get("pk"), f.get("sk"), f.get("gsi1pk"),
                    f.get("gsi1sk"), f.get("user_id"), f.get("conversation_id"), f.get("number"), f.get("role"),
                    f.get("content"), f.get("status"), f.get("tool_calls"), f.get("created_at"), f.get("requeued_at"),
                    f.get("usage")))
            .addAttribute(String.class, ItemFields.attribute("pk", MessageItem::pk, primaryPartitionKey()))
            .addAttribute(String.class, ItemFields.attribute("sk", MessageItem::sk, primarySortKey()))
            .addAttribute(String.class, ItemFields.attribute("gsi1pk", MessageItem::gsi1pk,
                    secondaryPartitionKey(Tables.STATUS_INDEX)))
            .addAttribute(String.class, ItemFields.attribute("gsi1sk", MessageItem::gsi1sk,
                    secondarySortKey(Tables.STATUS_INDEX)))
            .addAttribute(String.class, ItemFields.attribute("user_id", MessageItem::userId))
            .addAttribute(Long.class, ItemFields.attribute("conversation_id", MessageItem::conversationId))
            .addAttribute(Long.class, ItemFields.attribute("number", MessageItem::number))
            .addAttribute(String.class, ItemFields.attribute("role", MessageItem::role))
            .addAttribute(String.class, ItemFields.attribute("content", MessageItem::content))
            .addAttribute(String.class, ItemFields.attribute("status", MessageItem::status))
            .addAttribute(String.class, ItemFields.attribute("tool_calls", MessageItem::toolCalls))
            .addAttribute(Instant.class, ItemFields.instant("created_at", MessageItem::createdAt))
            .addAttribute(Instant.class, ItemFields.instant("requeued_at", MessageItem::requeuedAt))
            .addAttribute(String.class, ItemFields.attribute("usage", MessageItem::usage))
            .build();

    static MessageItem of(String userId, long conversationId, Message m) {
        boolean pending = m.status() == Message.Status.PENDING;
        return new MessageItem(Keys.conversation(userId, conversationId), Keys.message(m.number()),
                pending ? Keys.work(userId) : null, pending ? Keys.time(m.createdAt()) : null,
                userId, conversationId, m.number(), m.role().wireName(), m.content(), m.status().wireName(),
                write(m.toolCalls()), m.createdAt(), null, m.usage().map(MessageItem::write).orElse(null));
    }

    static MessageItem keys(String userId, long conversationId, long number) {
        return new MessageItem(Keys.conversation(userId, conversationId), Keys.message(number), null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    Message toMessage() {
        return new Message(number, Message.Role.valueOf(role.toUpperCase(Locale.ROOT)), content == null ? "" : content,
                Message.Status.valueOf(status.toUpperCase(Locale.ROOT)), read(toolCalls), createdAt,
                Optional.ofNullable(usage).map(MessageItem::readUsage));
    }

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Tool calls could not be written", e);
        }
    }

    private static ReplyUsage readUsage(String text) {
        try {
            return Json.MAPPER.readValue(text, ReplyUsage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored usage could not be read", e);
        }
    }

    private static List<ToolCall> read(String text) {
        if (text == null || text.isEmpty() || text.equals("[]")) { // most messages: no JSON to parse
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(text, TOOL_CALLS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored tool calls could not be read", e);
        }
    }
}
