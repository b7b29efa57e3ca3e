package com.todoapi.aws.dynamodb;

import com.todoapi.agent.model.TokenBudget;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A person's model tokens per UTC day, counted in the table so every worker instance sees the
 * same total: {@code USER#<sub>#TOKENS} / {@code DAY#<date>}, {@code tokens} added atomically,
 * gone by TTL a day after the day ends.
 */
public final class DynamoTokenBudget implements TokenBudget {
    private static final Duration KEPT_AFTER_THE_DAY = Duration.ofDays(1);

    private final Tables tables;
    private final long tokensPerDay;

    public DynamoTokenBudget(Tables tables, long tokensPerDay) {
        if (tokensPerDay <= 0) {
            throw new IllegalArgumentException("A daily token budget is positive; use TokenBudget.unlimited() for none");
        }
        this.tables = tables;
        this.tokensPerDay = tokensPerDay;
    }

    @Override
    public boolean allows(String userId, Instant now) {
        GetItemResponse read = StoreCalls.call(() -> tables.dynamoDb().getItem(request -> request
                .tableName(tables.tableName()).key(key(userId, now)).consistentRead(true)
                .projectionExpression("tokens")));
        AttributeValue used = read.hasItem() ? read.item().get("tokens") : null;
        return used == null || Long.parseLong(used.n()) < tokensPerDay;
    }

    @Override
    public boolean charge(String userId, long tokens, Instant now) {
        if (tokens <= 0) {
            return allows(userId, now);
        }
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long expiresAt = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).plus(KEPT_AFTER_THE_DAY).toEpochSecond();
        UpdateItemResponse counted = StoreCalls.call(() -> tables.dynamoDb().updateItem(request -> request
                .tableName(tables.tableName()).key(key(userId, now))
                .updateExpression("ADD tokens :tokens SET expires_at = :expires")
                .expressionAttributeValues(Map.of(":tokens", AttributeValue.fromN(Long.toString(tokens)),
                        ":expires", AttributeValue.fromN(Long.toString(expiresAt))))
                .returnValues(ReturnValue.UPDATED_NEW)));
        return Long.parseLong(counted.attributes().get("tokens").n()) < tokensPerDay;
    }

    private static Map<String, AttributeValue> key(String userId, Instant now) {
        return Map.of("pk", AttributeValue.fromS(Keys.tokenBudget(userId)),
                "sk", AttributeValue.fromS(Keys.tokenDay(LocalDate.ofInstant(now, ZoneOffset.UTC))));
    }
}
