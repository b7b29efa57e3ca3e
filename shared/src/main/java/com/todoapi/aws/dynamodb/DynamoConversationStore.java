package com.todoapi.aws.dynamodb;

import com.todoapi.agent.TurnJournal;
import com.todoapi.conversations.Conversation;
import com.todoapi.conversations.ConversationPurges;
import com.todoapi.conversations.ConversationRules;
import com.todoapi.conversations.ConversationSnapshots;
import com.todoapi.conversations.ConversationStore;
import com.todoapi.conversations.Message;
import com.todoapi.conversations.PostedMessage;
import com.todoapi.conversations.ReplySettlement;
import com.todoapi.conversations.StuckWork;
import com.todoapi.conversations.UnsettledWork;
import com.todoapi.domain.DomainException;
import com.todoapi.domain.Page;
import com.todoapi.idempotency.IdempotencyClaim;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Conversations and messages in the one table. A conversation's item and its messages share the
 * partition {@code USER#<sub>#CONV#<n>}: the first page of messages and the check that the
 * conversation exists are one query; a turn's window of recent messages is one bounded query.
 */
public final class DynamoConversationStore implements ConversationStore, ReplySettlement, ConversationPurges, UnsettledWork {
    /** Conversations with at most this many messages are deleted in one transaction, at once. */
    static final int DELETE_AT_ONCE = 24;
    private static final int POST_ATTEMPTS = 20;

    private final Tables tables;
    private final NumberedCreates creates;
    private final Backoff backoff;

    public DynamoConversationStore(Tables tables) {
        this(tables, Backoff.JITTERED);
    }

    DynamoConversationStore(Tables tables, Backoff backoff) {
        this.tables = tables;
        this.creates = new NumberedCreates(tables, backoff);
        this.backoff = backoff;
    }

    @Override
    public Conversation create(String userId, String title, Instant now, Optional<IdempotencyClaim> claim) {
        return creates.create(userId, Keys.CONVERSATION_COUNTER,
                number -> new Conversation(number, title, now, now, null, 0, "", 0),
                (transaction, conversation) -> transaction.addPutItem(tables.conversations(),
                        TransactPutItemEnhancedRequest.builder(ConversationItem.class)
                                .item(ConversationItem.of(userId, conversation))
                                .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build())
                                .build()),
                claim, ConversationSnapshots::encode, Conversation::createdAt);
    }

    @Override
    public Optional<Conversation> find(String userId, long conversationId) {
        return activeItem(userId, conversationId).map(ConversationItem::toConversation);
    }

    private Optional<ConversationItem> activeItem(String userId, long conversationId) {
        ConversationItem item = StoreCalls.call(() -> tables.conversations().getItem(GetItemEnhancedRequest.builder()
                .key(key(Keys.conversation(userId, conversationId), Keys.CONVERSATION)).consistentRead(true).build()));
        return Optional.ofNullable(item).filter(ConversationItem::active);
    }

    @Override
    public Page<Conversation, String> list(String userId, int limit, Optional<String> after) {
        String partition = Keys.conversationsByActivity(userId);
        QueryEnhancedRequest query = QueryEnhancedRequest.builder()
                .queryConditional(after.isPresent()
                        ? QueryConditional.sortLessThan(key(partition, after.get()))
                        : QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()))
                .scanIndexForward(false)
                .limit(limit + 1)
                .build();
        List<ConversationItem> items = new ArrayList<>(limit + 1);
        StoreCalls.run(() -> {
            for (var page : tables.conversations().index(Tables.STATUS_INDEX).query(query)) {
                items.addAll(page.items());
                if (items.size() > limit || page.lastEvaluatedKey() == null) {
                    return;
                }
            }
        });
        List<Conversation> shown = items.stream().limit(limit).map(ConversationItem::toConversation).toList();
        Optional<String> next = items.size() > limit ? Optional.of(items.get(limit - 1).gsi1sk()) : Optional.empty();
        return new Page<>(shown, next);
    }

    /**
     * Reads the conversation for its last message number, then in one transaction moves that on
     * by two (only if it is unchanged and the conversation still active), stores the message and
     * the pending reply, and completes the claim. Concurrent posts retry with jittered waits.
     */
    @Override
    public PostedMessage post(String userId, long conversationId, String content, Instant now,
                              Optional<IdempotencyClaim> claim) {
        for (int attempt = 1; ; attempt++) {
            ConversationItem conversation = activeItem(userId, conversationId)
                    .orElseThrow(() -> ConversationRules.notFound(conversationId));
            long last = conversation.lastMessage();
            PostedMessage posted = new PostedMessage(conversationId, Message.fromUser(last + 1, content, now),
                    Message.pendingReply(last + 2, now));
            TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder()
                    .addUpdateItem(tables.conversations(), TransactUpdateItemEnhancedRequest.builder(ConversationItem.class)
                            .item(activityUpdate(userId, conversationId, now, last + 2))
                            .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                            .conditionExpression(activeAt("last_message", last))
                            .build())
                    .addPutItem(tables.messages(), newItem(MessageItem.of(userId, conversationId, posted.message())))
                    .addPutItem(tables.messages(), newItem(MessageItem.of(userId, conversationId, posted.reply())));
            claim.ifPresent(held -> transaction.addPutItem(tables.idempotency(),
                    DynamoIdempotencyStore.completion(held, ConversationSnapshots.encode(posted), now)));
            try {
                StoreCalls.run(() -> tables.client().transactWriteItems(transaction.build()));
                return posted;
            } catch (TransactionCanceledException cancelled) {
                if (claim.isPresent() && NumberedCreates.failedCondition(cancelled, 3)) {
                    throw DomainException.inFlight();
                }
                if (attempt == POST_ATTEMPTS) {
                    throw DomainException.conflict("Too many messages are being posted to this conversation; retry");
                }
                backoff.pause(attempt);
            }
        }
    }

    private static ConversationItem activityUpdate(String userId, long conversationId, Instant at, long lastMessage) {
        ConversationItem keys = ConversationItem.keys(userId, conversationId);
        return new ConversationItem(keys.pk(), keys.sk(), null, Keys.activity(at, conversationId), null, null, null,
                null, at, at, lastMessage, null, null, null);
    }

    @Override
    public Optional<Message> message(String userId, long conversationId, long number) {
        MessageItem item = StoreCalls.call(() -> tables.messages().getItem(GetItemEnhancedRequest.builder()
                .key(key(Keys.conversation(userId, conversationId), Keys.message(number))).consistentRead(true).build()));
        return Optional.ofNullable(item).map(MessageItem::toMessage);
    }

    /**
     * The first page starts at the conversation's own item, so one query both proves the
     * conversation exists and reads its first messages. Later pages start after their cursor.
     */
    @Override
    public Page<Message, Long> messages(String userId, long conversationId, int limit, OptionalLong after) {
        String partition = Keys.conversation(userId, conversationId);
        boolean firstPage = after.isEmpty();
        String from = firstPage ? Keys.CONVERSATION : Keys.message(after.getAsLong() + 1);
        QueryResponse response = StoreCalls.call(() -> tables.dynamoDb().query(QueryRequest.builder()
                .tableName(tables.tableName())
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(partition),
                        ":from", AttributeValue.fromS(from),
                        ":to", AttributeValue.fromS(Keys.message(Keys.MAX_NUMBER))))
                .limit(limit + (firstPage ? 2 : 1))
                .consistentRead(true)
                .build()));
        List<Map<String, AttributeValue>> items = new ArrayList<>(response.items());
        if (firstPage) {
            if (items.isEmpty() || !Keys.CONVERSATION.equals(items.get(0).get("sk").s())
                    || !ConversationItem.SCHEMA.mapToItem(items.get(0)).active()) {
                throw ConversationRules.notFound(conversationId);
            }
            items.remove(0);
        }
        List<Message> messages = items.stream().limit(limit)
                .map(item -> MessageItem.SCHEMA.mapToItem(item).toMessage()).toList();
        Optional<Long> next = items.size() > limit ? Optional.of(messages.get(limit - 1).number()) : Optional.empty();
        return new Page<>(messages, next);
    }

    @Override
    public List<Message> recent(String userId, long conversationId, long before, int count) {
        if (before <= 1 || count <= 0) {
            return List.of();
        }
        String partition = Keys.conversation(userId, conversationId);
        long first = Math.max(1, before - count);
        QueryEnhancedRequest query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBetween(
                        key(partition, Keys.message(first)), key(partition, Keys.message(before - 1))))
                .limit(count)
                .consistentRead(true)
                .build();
        List<Message> window = new ArrayList<>(count);
        StoreCalls.run(() -> tables.messages().query(query).items().forEach(item -> window.add(item.toMessage())));
        return window;
    }

    @Override
    public ReplyWrite settle(String userId, Conversation read, Message reply, String summary, Instant now) {
        ConversationItem keys = ConversationItem.keys(userId, read.id());
        ConversationItem summaryUpdate = new ConversationItem(keys.pk(), keys.sk(), null, null, null, null, null, null,
                now, null, null, summary, read.summaryVersion() + 1, null);
        TransactWriteItemsEnhancedRequest transaction = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(tables.messages(), TransactPutItemEnhancedRequest.builder(MessageItem.class)
                        .item(MessageItem.of(userId, read.id(), reply))
                        .conditionExpression(stillPending()).build())
                .addUpdateItem(tables.conversations(), TransactUpdateItemEnhancedRequest.builder(ConversationItem.class)
                        .item(summaryUpdate)
                        .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                        .conditionExpression(activeAt("summary_version", read.summaryVersion())).build())
                .build();
        try {
            StoreCalls.run(() -> tables.client().transactWriteItems(transaction));
            return ReplyWrite.WRITTEN;
        } catch (TransactionCanceledException cancelled) {
            if (find(userId, read.id()).isEmpty()) {
                return ReplyWrite.CONVERSATION_GONE;
            }
            if (NumberedCreates.failedCondition(cancelled, 0)) {
                return ReplyWrite.ALREADY_SETTLED;
            }
            return ReplyWrite.SUMMARY_MOVED;
        }
    }

    @Override
    public TurnJournal journal(String userId, long conversationId, long replyNumber) {
        return new DynamoTurnJournal(tables, userId, conversationId, replyNumber);
    }

    @Override
    public boolean fail(String userId, long conversationId, long replyNumber, String content) {
        Optional<Message> reply = message(userId, conversationId, replyNumber);
        if (reply.isEmpty() || reply.get().settled()) {
            return false;
        }
        try {
            StoreCalls.run(() -> tables.messages().putItem(PutItemEnhancedRequest.builder(MessageItem.class)
                    .item(MessageItem.of(userId, conversationId, reply.get().failed(content)))
                    .conditionExpression(stillPending()).build()));
            return true;
        } catch (ConditionalCheckFailedException settledMeanwhile) {
            return false;
        }
    }

    @Override
    public Deletion delete(String userId, long conversationId, Instant now) {
        for (int attempt = 1; ; attempt++) {
            ConversationItem conversation = activeItem(userId, conversationId)
                    .orElseThrow(() -> ConversationRules.notFound(conversationId));
            long last = conversation.lastMessage();
            try {
                if (last <= DELETE_AT_ONCE) {
                    deleteAtOnce(userId, conversationId, last);
                    return Deletion.DELETED;
                }
                markDeleting(userId, conversationId, now);
                return Deletion.SCHEDULED;
            } catch (TransactionCanceledException | ConditionalCheckFailedException changedMeanwhile) {
                if (attempt == POST_ATTEMPTS) {
                    throw DomainException.conflict("The conversation is changing; retry");
                }
                backoff.pause(attempt);
            }
        }
    }

    private void deleteAtOnce(String userId, long conversationId, long lastMessage) {
        String partition = Keys.conversation(userId, conversationId);
        TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder()
                .addDeleteItem(tables.conversations(), TransactDeleteItemEnhancedRequest.builder()
                        .key(key(partition, Keys.CONVERSATION))
                        .conditionExpression(activeAt("last_message", lastMessage)).build());
        for (long number = 1; number <= lastMessage; number++) {
            transaction.addDeleteItem(tables.messages(), key(partition, Keys.message(number)));
        }
        StoreCalls.run(() -> tables.client().transactWriteItems(transaction.build()));
    }

    /** Hidden from every read at once; listed under the sweeper's work until the purge is done. */
    private void markDeleting(String userId, long conversationId, Instant now) {
        ConversationItem keys = ConversationItem.keys(userId, conversationId);
        StoreCalls.run(() -> tables.conversations().updateItem(UpdateItemEnhancedRequest.builder(ConversationItem.class)
                .item(new ConversationItem(keys.pk(), keys.sk(), Keys.work(userId), Keys.time(now), null, null, null,
                        null, now, null, null, null, null, ConversationItem.DELETING))
                .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                .conditionExpression(Expression.builder().expression("#state = :active")
                        .putExpressionName("#state", "state")
                        .putExpressionValue(":active", AttributeValue.fromS(ConversationItem.ACTIVE)).build())
                .build()));
    }

    @Override
    public boolean purge(String userId, long conversationId, int maxItems) {
        return new ConversationPurge(tables, userId, conversationId).run(maxItems);
    }

    @Override
    public void readFirstPage(String userId, long conversationId) {
        new ConversationPurge(tables, userId, conversationId).firstPage(1);
    }

    @Override
    public List<StuckWork> stuck(Instant before, int limit) {
        List<StuckWork> found = new ArrayList<>();
        for (int shard = 0; shard < Keys.WORK_SHARDS && found.size() < limit; shard++) {
            int wanted = limit - found.size();
            String partition = Keys.work(shard);
            QueryResponse response = StoreCalls.call(() -> tables.dynamoDb().query(QueryRequest.builder()
                    .tableName(tables.tableName())
                    .indexName(Tables.STATUS_INDEX)
                    .keyConditionExpression("gsi1pk = :work AND gsi1sk < :before")
                    .expressionAttributeValues(Map.of(
                            ":work", AttributeValue.fromS(partition),
                            ":before", AttributeValue.fromS(Keys.time(before))))
                    .limit(wanted)
                    .build()));
            for (Map<String, AttributeValue> item : response.items()) {
                found.add(stuckWork(item));
            }
        }
        return found;
    }

    private static StuckWork stuckWork(Map<String, AttributeValue> item) {
        if (Keys.LEAVING.equals(item.get("sk").s())) {
            return new StuckWork.LeavingUser(item.get("user_id").s(), Instant.parse(item.get("updated_at").s()));
        }
        if (Keys.CONVERSATION.equals(item.get("sk").s())) {
            ConversationItem c = ConversationItem.SCHEMA.mapToItem(item);
            return new StuckWork.DeletingConversation(c.userId(), c.conversationId(), c.updatedAt());
        }
        MessageItem m = MessageItem.SCHEMA.mapToItem(item);
        Instant since = m.requeuedAt() == null ? m.createdAt() : m.requeuedAt();
        return new StuckWork.PendingReply(m.userId(), m.conversationId(), m.number(), since, m.requeuedAt() != null);
    }

    @Override
    public boolean markRequeued(String userId, long conversationId, long replyNumber, Instant now) {
        MessageItem keys = MessageItem.keys(userId, conversationId, replyNumber);
        try {
            StoreCalls.run(() -> tables.messages().updateItem(UpdateItemEnhancedRequest.builder(MessageItem.class)
                    .item(new MessageItem(keys.pk(), keys.sk(), null, Keys.time(now), null, null, null, null, null,
                            null, null, null, now, null))
                    .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                    .conditionExpression(Expression.builder()
                            .expression("#status = :pending AND attribute_not_exists(requeued_at)")
                            .putExpressionName("#status", "status")
                            .putExpressionValue(":pending", AttributeValue.fromS(Message.Status.PENDING.wireName()))
                            .build())
                    .build()));
            return true;
        } catch (ConditionalCheckFailedException settledOrRequeued) {
            return false;
        }
    }

    @Override
    public void markPurgeRequeued(String userId, long conversationId, Instant now) {
        ConversationItem keys = ConversationItem.keys(userId, conversationId);
        try {
            StoreCalls.run(() -> tables.conversations().updateItem(UpdateItemEnhancedRequest.builder(ConversationItem.class)
                    .item(new ConversationItem(keys.pk(), keys.sk(), null, Keys.time(now), null, null, null, null,
                            now, null, null, null, null, null))
                    .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                    .conditionExpression(Expression.builder().expression("#state = :deleting")
                            .putExpressionName("#state", "state")
                            .putExpressionValue(":deleting", AttributeValue.fromS(ConversationItem.DELETING)).build())
                    .build()));
        } catch (ConditionalCheckFailedException alreadyPurged) {
            // Nothing left to note.
        }
    }

    private static Expression activeAt(String counter, long value) {
        return Expression.builder().expression("#state = :active AND #counter = :value")
                .putExpressionName("#state", "state")
                .putExpressionName("#counter", counter)
                .putExpressionValue(":active", AttributeValue.fromS(ConversationItem.ACTIVE))
                .putExpressionValue(":value", AttributeValue.fromN(Long.toString(value)))
                .build();
    }

    private static Expression stillPending() {
        return Expression.builder().expression("#status = :pending")
                .putExpressionName("#status", "status")
                .putExpressionValue(":pending", AttributeValue.fromS(Message.Status.PENDING.wireName()))
                .build();
    }

    private static TransactPutItemEnhancedRequest<MessageItem> newItem(MessageItem item) {
        return TransactPutItemEnhancedRequest.builder(MessageItem.class).item(item)
                .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build();
    }

    private static Key key(String partition, String sort) {
        return Key.builder().partitionValue(partition).sortValue(sort).build();
    }
}
