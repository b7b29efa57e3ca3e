package com.todoapi.aws.dynamodb;

import com.todoapi.accounts.AccountRemovals;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A leaving user's items, found by their known keys: the marker {@code LEAVING#<sub>}, the owner's key
 * items ({@code USER#<sub>} / {@code APIKEY#<n>}, which name each key's digest), the conversation
 * counter (which bounds the {@code USER#<sub>#CONV#<n>} partitions), and the fixed partitions
 * {@code USER#<sub>#TOKENS}, {@code RATE#<sub>} and {@code USER#<sub>} (which holds the open live
 * connections too), and gsi1's {@code USER#<sub>#TICKETS} (the live connect tickets). Every read is a
 * query of one named partition, strongly consistent but for the index; nothing scans.
 */
public final class DynamoAccountRemovals implements AccountRemovals {
    private final Tables tables;

    public DynamoAccountRemovals(Tables tables) {
        this.tables = tables;
    }

    @Override
    public void markLeaving(String userId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(Keys.leaving(userId)));
        item.put("sk", s(Keys.LEAVING));
        item.put("gsi1pk", s(Keys.work(userId)));
        item.put("gsi1sk", s(Keys.time(now)));
        item.put("user_id", s(userId));
        item.put("updated_at", s(now.toString()));
        StoreCalls.run(() -> tables.dynamoDb().putItem(b -> b.tableName(tables.tableName()).item(item)));
    }

    /** One strongly consistent {@code GetItem} of the marker: every request of a token makes it. */
    @Override
    public boolean isLeaving(String userId) {
        GetItemResponse read = StoreCalls.call(() -> tables.dynamoDb().getItem(b -> b.tableName(tables.tableName())
                .key(key(Keys.leaving(userId), Keys.LEAVING))
                .projectionExpression("pk")
                .consistentRead(true)));
        return read.hasItem() && !read.item().isEmpty();
    }

    @Override
    public void readMarker(String userId) {
        isLeaving(userId);
    }

    @Override
    public void markPurgeRequeued(String userId, Instant now) {
        try {
            StoreCalls.run(() -> tables.dynamoDb().updateItem(b -> b.tableName(tables.tableName())
                    .key(key(Keys.leaving(userId), Keys.LEAVING))
                    .updateExpression("SET gsi1sk = :now, updated_at = :at")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":now", s(Keys.time(now)), ":at", s(now.toString())))));
        } catch (ConditionalCheckFailedException purged) {
            // The purge finished meanwhile.
        }
    }

    @Override
    public void unmarkLeaving(String userId) {
        StoreCalls.run(() -> tables.dynamoDb().deleteItem(b -> b.tableName(tables.tableName())
                .key(key(Keys.leaving(userId), Keys.LEAVING))));
    }

    @Override
    public int deleteKeyItems(String userId) {
        int deleted = 0;
        Map<String, AttributeValue> after = null;
        do {
            QueryResponse page = query(Keys.user(userId), Keys.API_KEY_COUNTER + "#", 100, after, "pk, sk, digest");
            List<Map<String, AttributeValue>> keyItems = new ArrayList<>();
            for (Map<String, AttributeValue> owner : page.items()) {
                AttributeValue digest = owner.get("digest");
                if (digest != null) {
                    keyItems.add(key(Keys.apiKey(digest.s()), Keys.API_KEY_ITEM));
                }
            }
            BatchDeletes.deleteAll(tables, keyItems);
            deleted += keyItems.size();
            after = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (after != null);
        return deleted;
    }

    @Override
    public long lastConversation(String userId) {
        QueryResponse response = StoreCalls.call(() -> tables.dynamoDb().query(QueryRequest.builder()
                .tableName(tables.tableName())
                .keyConditionExpression("pk = :pk AND sk = :sk")
                .expressionAttributeValues(Map.of(":pk", s(Keys.user(userId)), ":sk", s(Keys.CONVERSATION_COUNTER)))
                .consistentRead(true)
                .build()));
        if (response.items().isEmpty() || response.items().get(0).get("last") == null) {
            return 0;
        }
        return Long.parseLong(response.items().get(0).get("last").n());
    }

    @Override
    public boolean purgeConversation(String userId, long conversationId, int maxItems) {
        return purgePartition(Keys.conversation(userId, conversationId), maxItems);
    }

    @Override
    public boolean purge(String userId, Family family, int maxItems) {
        if (family == Family.LIVE_TICKETS) {
            return purgeIndexPartition(Keys.ticketsOfUser(userId), maxItems);
        }
        String partition = switch (family) {
            case LIVE_TICKETS -> throw new IllegalStateException("tickets are found through gsi1");
            case TOKEN_BUDGET -> Keys.tokenBudget(userId);
            case RATE_LIMIT -> Keys.rateLimit(userId);
            case USER -> Keys.user(userId);
        };
        return purgePartition(partition, maxItems);
    }

    private boolean purgePartition(String partition, int maxItems) {
        QueryResponse page = query(partition, null, maxItems);
        BatchDeletes.deleteAll(tables, page.items());
        return !(page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty());
    }

    /** Items listed in gsi1 under {@code indexPartition}, each deleted by its table key. */
    private boolean purgeIndexPartition(String indexPartition, int maxItems) {
        QueryResponse page = StoreCalls.call(() -> tables.dynamoDb().query(QueryRequest.builder()
                .tableName(tables.tableName())
                .indexName(Tables.STATUS_INDEX)
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(indexPartition)))
                .projectionExpression("pk, sk")
                .limit(maxItems)
                .build()));
        BatchDeletes.deleteAll(tables, page.items());
        return !(page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty());
    }

    private QueryResponse query(String partition, String skPrefix, int limit) {
        return query(partition, skPrefix, limit, null, "pk, sk");
    }

    private QueryResponse query(String partition, String skPrefix, int limit, Map<String, AttributeValue> after,
                                String projection) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(partition));
        String condition = "pk = :pk";
        if (skPrefix != null) {
            values.put(":prefix", s(skPrefix));
            condition += " AND begins_with(sk, :prefix)";
        }
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tables.tableName())
                .keyConditionExpression(condition)
                .expressionAttributeValues(values)
                .projectionExpression(projection)
                .limit(limit)
                .consistentRead(true);
        if (after != null) {
            request.exclusiveStartKey(after);
        }
        return StoreCalls.call(() -> tables.dynamoDb().query(request.build()));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
