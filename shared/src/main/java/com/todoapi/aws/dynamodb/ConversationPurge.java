package com.todoapi.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes a conversation marked for deletion: its messages a page at a time (batch deletes of
 * 25), its own item last, so that until the end the sweeper can still find the unfinished work.
 * Safe to run any number of times, concurrently too; a conversation that is not marked is left alone.
 */
final class ConversationPurge {
    private final Tables tables;
    private final String partition;

    ConversationPurge(Tables tables, String userId, long conversationId) {
        this.tables = tables;
        this.partition = Keys.conversation(userId, conversationId);
    }

    /** Deletes up to {@code maxItems} items; true once nothing of the conversation is left. */
    boolean run(int maxItems) {
        QueryResponse page = firstPage(maxItems);
        List<Map<String, AttributeValue>> items = new ArrayList<>(page.items());
        boolean conversationItemFirst = !items.isEmpty() && Keys.CONVERSATION.equals(items.get(0).get("sk").s());
        if (conversationItemFirst) {
            AttributeValue state = items.get(0).get("state");
            if (state == null || !ConversationItem.DELETING.equals(state.s())) {
                return true;
            }
            items.remove(0);
        }
        BatchDeletes.deleteAll(tables, items);
        boolean messagesLeft = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
        if (messagesLeft) {
            return false;
        }
        if (conversationItemFirst) {
            deleteConversationItem();
        }
        return true;
    }

    /** Up to {@code maxItems} keys of the conversation's items, the conversation's own first; reads only. */
    QueryResponse firstPage(int maxItems) {
        return StoreCalls.call(() -> tables.dynamoDb().query(QueryRequest.builder()
                .tableName(tables.tableName())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition)))
                .projectionExpression("pk, sk, #state")
                .expressionAttributeNames(Map.of("#state", "state"))
                .limit(maxItems)
                .consistentRead(true)
                .build()));
    }

    private void deleteConversationItem() {
        try {
            StoreCalls.run(() -> tables.dynamoDb().deleteItem(b -> b.tableName(tables.tableName())
                    .key(Map.of("pk", AttributeValue.fromS(partition), "sk", AttributeValue.fromS(Keys.CONVERSATION)))
                    .conditionExpression("#state = :deleting")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":deleting", AttributeValue.fromS(ConversationItem.DELETING)))));
        } catch (ConditionalCheckFailedException alreadyGone) {
            // Another purge finished first.
        }
    }
}
