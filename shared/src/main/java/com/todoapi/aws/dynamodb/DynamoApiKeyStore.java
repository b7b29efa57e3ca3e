package com.todoapi.aws.dynamodb;

import com.todoapi.apikeys.ApiKey;
import com.todoapi.apikeys.ApiKeyStore;
import com.todoapi.apikeys.KeyGrant;
import com.todoapi.apikeys.Scope;
import com.todoapi.domain.DomainException;
import com.todoapi.domain.FieldProblem;
import com.todoapi.domain.Page;
import com.todoapi.json.Timestamps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * API keys in the table (docs/architecture.md, "Data model"): the key's item under
 * {@code APIKEY#<sha256>} (owner, scopes, expiry, last use; listed through gsi1), and under the
 * owner {@code APIKEY} (the last key number handed out) and {@code APIKEY#<number>} (the digest,
 * the expiry). Both of a key's items carry {@code expires_at}, so TTL removes expired keys.
 */
public final class DynamoApiKeyStore implements ApiKeyStore {
    private static final int MAX_ATTEMPTS = 8;

    private final Tables tables;
    private final Backoff backoff;

    public DynamoApiKeyStore(Tables tables) {
        this(tables, Backoff.JITTERED);
    }

    DynamoApiKeyStore(Tables tables, Backoff backoff) {
        this.tables = tables;
        this.backoff = backoff;
    }

    @Override
    public Optional<KeyGrant> find(String digest) {
        GetItemResponse found = StoreCalls.call(() -> tables.dynamoDb().getItem(get -> get
                .tableName(tables.tableName())
                .key(key(Keys.apiKey(digest), Keys.API_KEY_ITEM))
                .consistentRead(true)));
        if (!found.hasItem() || found.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = found.item();
        return Optional.of(new KeyGrant(item.get("user_id").s(), Long.parseLong(item.get("key_id").n()),
                scopes(item), epochSeconds(item, "expires_at"), epochMillis(item, "last_used_at")));
    }

    @Override
    public ApiKey create(String userId, NewKey key, String digest, int maxLive, Instant now) {
        for (int attempt = 0; ; attempt++) {
            Map<String, AttributeValue> counter = null;
            int live = 0;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = StoreCalls.call(() -> tables.dynamoDb().query(QueryRequest.builder()
                        .tableName(tables.tableName())
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.user(userId)), ":prefix", s(Keys.API_KEY_COUNTER)))
                        .consistentRead(true)
                        .exclusiveStartKey(from)
                        .build()));
                for (Map<String, AttributeValue> item : page.items()) {
                    if (Keys.API_KEY_COUNTER.equals(item.get("sk").s())) {
                        counter = item;
                    } else if (epochSeconds(item, "expires_at").map(now::isBefore).orElse(true)) {
                        live++;
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            if (live >= maxLive) {
                throw new DomainException(DomainException.Kind.CONFLICT, "You have " + live
                        + " live API keys, the most allowed; revoke one first", List.of(new FieldProblem("api_keys",
                        "at most " + maxLive + " live keys per user")));
            }
            long last = counter == null ? 0 : Long.parseLong(counter.get("last").n());
            long id = last + 1;
            ApiKey created = new ApiKey(id, key.name(), key.prefix(), key.scopes(), now, key.expiresAt(), Optional.empty());
            try {
                StoreCalls.run(() -> tables.dynamoDb().transactWriteItems(write -> write.transactItems(
                        counter(userId, last, id), ownerItem(userId, id, digest, key), keyItem(userId, id, digest, key, now))));
                return created;
            } catch (TransactionCanceledException raced) {
                if (attempt + 1 >= MAX_ATTEMPTS) {
                    throw DomainException.conflict("Too many API keys are being created at once; retry shortly");
                }
                backoff.pause(attempt);
            }
        }
    }

    private TransactWriteItem counter(String userId, long last, long next) {
        Put.Builder put = Put.builder().tableName(tables.tableName())
                .item(Map.of("pk", s(Keys.user(userId)), "sk", s(Keys.API_KEY_COUNTER), "last", n(next)));
        if (last == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("#last = :last").expressionAttributeNames(Map.of("#last", "last"))
                    .expressionAttributeValues(Map.of(":last", n(last)));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem ownerItem(String userId, long id, String digest, NewKey key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(Keys.user(userId)));
        item.put("sk", s(Keys.apiKeyOfUser(id)));
        item.put("key_id", n(id));
        item.put("digest", s(digest));
        key.expiresAt().ifPresent(at -> item.put("expires_at", n(at.getEpochSecond())));
        return TransactWriteItem.builder().put(Put.builder().tableName(tables.tableName()).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private TransactWriteItem keyItem(String userId, long id, String digest, NewKey key, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(Keys.apiKey(digest)));
        item.put("sk", s(Keys.API_KEY_ITEM));
        item.put("gsi1pk", s(Keys.apiKeysOfUser(userId)));
        item.put("gsi1sk", s(Keys.apiKeyNumber(id)));
        item.put("user_id", s(userId));
        item.put("key_id", n(id));
        item.put("name", s(key.name()));
        item.put("prefix", s(key.prefix()));
        item.put("scopes", AttributeValue.fromL(key.scopes().stream().sorted().map(scope -> s(scope.wireName())).toList()));
        item.put("created_at", s(Timestamps.format(now)));
        key.expiresAt().ifPresent(at -> item.put("expires_at", n(at.getEpochSecond())));
        return TransactWriteItem.builder().put(Put.builder().tableName(tables.tableName()).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    @Override
    public Page<ApiKey, Long> list(String userId, int limit, OptionalLong after, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(Keys.apiKeysOfUser(userId)));
        String condition = "gsi1pk = :pk";
        if (after.isPresent()) {
            condition += " AND gsi1sk > :after";
            values.put(":after", s(Keys.apiKeyNumber(after.getAsLong())));
        }
        List<ApiKey> keys = new ArrayList<>(limit + 1);
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            String keyCondition = condition;
            QueryResponse page = StoreCalls.call(() -> tables.dynamoDb().query(QueryRequest.builder()
                    .tableName(tables.tableName())
                    .indexName(Tables.STATUS_INDEX)
                    .keyConditionExpression(keyCondition)
                    .expressionAttributeValues(values)
                    .exclusiveStartKey(from)
                    .limit(limit + 1)
                    .build()));
            for (Map<String, AttributeValue> item : page.items()) {
                ApiKey key = toKey(item);
                if (!key.expiredAt(now) && keys.size() <= limit) {
                    keys.add(key);
                }
            }
            start = keys.size() <= limit && page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? page.lastEvaluatedKey() : null;
        } while (start != null);
        if (keys.size() > limit) {
            List<ApiKey> shown = keys.subList(0, limit);
            return new Page<>(shown, Optional.of(shown.get(limit - 1).id()));
        }
        return new Page<>(keys, Optional.empty());
    }

    @Override
    public boolean revoke(String userId, long keyId) {
        Map<String, AttributeValue> owner = StoreCalls.call(() -> tables.dynamoDb().getItem(get -> get
                .tableName(tables.tableName())
                .key(key(Keys.user(userId), Keys.apiKeyOfUser(keyId)))
                .consistentRead(true))).item();
        if (owner == null || owner.isEmpty()) {
            return false;
        }
        String digest = owner.get("digest").s();
        try {
            StoreCalls.run(() -> tables.dynamoDb().transactWriteItems(write -> write.transactItems(
                    TransactWriteItem.builder().delete(Delete.builder().tableName(tables.tableName())
                            .key(key(Keys.user(userId), Keys.apiKeyOfUser(keyId)))
                            .conditionExpression("attribute_exists(pk)").build()).build(),
                    TransactWriteItem.builder().delete(Delete.builder().tableName(tables.tableName())
                            .key(key(Keys.apiKey(digest), Keys.API_KEY_ITEM)).build()).build())));
            return true;
        } catch (TransactionCanceledException alreadyGone) {
            return false;
        }
    }

    @Override
    public void recordUse(String digest, Instant now, Instant notBefore) {
        try {
            StoreCalls.run(() -> tables.dynamoDb().updateItem(update -> update
                    .tableName(tables.tableName())
                    .key(key(Keys.apiKey(digest), Keys.API_KEY_ITEM))
                    .updateExpression("SET last_used_at = :now")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(last_used_at) OR last_used_at < :notBefore)")
                    .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()), ":notBefore", n(notBefore.toEpochMilli())))));
        } catch (ConditionalCheckFailedException recentlyRecordedOrRevoked) {
            // Another request recorded a use within the hour, or the key was revoked meanwhile: nothing to do.
        }
    }

    private static ApiKey toKey(Map<String, AttributeValue> item) {
        return new ApiKey(Long.parseLong(item.get("key_id").n()), item.get("name").s(), item.get("prefix").s(),
                scopes(item), IsoInstantConverter.parse(item.get("created_at").s()), epochSeconds(item, "expires_at"),
                epochMillis(item, "last_used_at"));
    }

    private static Set<Scope> scopes(Map<String, AttributeValue> item) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (AttributeValue scope : item.get("scopes").l()) {
            Scope.parse(scope.s()).ifPresent(scopes::add);
        }
        return scopes;
    }

    private static Optional<Instant> epochSeconds(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(Long.parseLong(value.n())));
    }

    private static Optional<Instant> epochMillis(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(value.n())));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
