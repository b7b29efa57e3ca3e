package com.todoapi.aws.dynamodb;

import com.todoapi.live.ConnectionStore;
import com.todoapi.live.LiveConnection;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Open WebSocket connections (docs/architecture.md, "Data model"): {@code USER#<sub>} /
 * {@code CONN#<id>} with {@code connected_at} (epoch ms) and {@code expires_at} (TTL), listed in
 * gsi1 under {@code CONN#<id>} so that a {@code $disconnect} finds its owner. In the user's own
 * partition, so the purge of a user who leaves deletes them with the rest.
 */
public final class DynamoConnectionStore implements ConnectionStore {
    private final Tables tables;

    public DynamoConnectionStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public List<LiveConnection> list(String userId) {
        List<LiveConnection> connections = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = StoreCalls.call(() -> tables.dynamoDb().query(QueryRequest.builder()
                    .tableName(tables.tableName())
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.user(userId)), ":prefix", s(Keys.CONNECTION_PREFIX)))
                    .projectionExpression("connection_id, connected_at")
                    .consistentRead(true)
                    .exclusiveStartKey(from)
                    .build()));
            for (Map<String, AttributeValue> item : page.items()) {
                connections.add(new LiveConnection(item.get("connection_id").s(),
                        Instant.ofEpochMilli(Long.parseLong(item.get("connected_at").n()))));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        connections.sort(Comparator.comparing(LiveConnection::connectedAt).thenComparing(LiveConnection::connectionId));
        return connections;
    }

    @Override
    public void add(String userId, LiveConnection connection, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(Keys.user(userId)));
        item.put("sk", s(Keys.connectionOfUser(connection.connectionId())));
        item.put("gsi1pk", s(Keys.connection(connection.connectionId())));
        item.put("gsi1sk", s(Keys.CONNECTION_INDEX_ITEM));
        item.put("connection_id", s(connection.connectionId()));
        item.put("user_id", s(userId));
        item.put("connected_at", n(connection.connectedAt().toEpochMilli()));
        item.put("expires_at", n(expiresAt.getEpochSecond()));
        StoreCalls.run(() -> tables.dynamoDb().putItem(put -> put.tableName(tables.tableName()).item(item)));
    }

    @Override
    public void remove(String userId, String connectionId) {
        StoreCalls.run(() -> tables.dynamoDb().deleteItem(delete -> delete.tableName(tables.tableName())
                .key(Map.of("pk", s(Keys.user(userId)), "sk", s(Keys.connectionOfUser(connectionId))))));
    }

    /** One query of gsi1 (eventually consistent, as every index read: a disconnect comes well after its connect). */
    @Override
    public Optional<String> ownerOf(String connectionId) {
        QueryResponse found = StoreCalls.call(() -> tables.dynamoDb().query(QueryRequest.builder()
                .tableName(tables.tableName())
                .indexName(Tables.STATUS_INDEX)
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(Keys.connection(connectionId))))
                .projectionExpression("user_id")
                .limit(1)
                .build()));
        return found.items().stream().findFirst().map(item -> item.get("user_id").s());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
