package com.todoapi.aws.dynamodb;

import com.todoapi.ratelimit.RateLimitDecision;
import com.todoapi.ratelimit.RateLimitPolicy;
import com.todoapi.ratelimit.RateLimiter;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;

/**
 * Fixed-window counting in the table: one conditional increment per request, refused once the
 * window is full (so a refused request does not count). Windows expire by TTL a minute after
 * they close.
 */
public final class DynamoRateLimiter implements RateLimiter {
    private static final long EXPIRY_MARGIN_SECONDS = 60;

    private final Tables tables;
    private final RateLimitPolicy policy;

    public DynamoRateLimiter(Tables tables, RateLimitPolicy policy) {
        this.tables = tables;
        this.policy = policy;
    }

    @Override
    public RateLimitDecision hit(String userId, Instant now) {
        long window = policy.window().toSeconds();
        long start = now.getEpochSecond() / window * window;
        long reset = Math.max(1, start + window - now.getEpochSecond());
        RateWindowItem counted = new RateWindowItem(Keys.rateLimit(userId), Keys.rateWindow(start), null,
                start + window + EXPIRY_MARGIN_SECONDS);
        Expression notFull = Expression.builder()
                .expression("attribute_not_exists(hits) OR hits < :limit")
                .putExpressionValue(":limit", AttributeValue.fromN(Integer.toString(policy.requests())))
                .build();
        try {
            RateWindowItem updated = StoreCalls.call(() -> tables.rateWindows().updateItem(
                    UpdateItemEnhancedRequest.builder(RateWindowItem.class)
                            .item(counted)
                            .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                            .conditionExpression(notFull)
                            .build()));
            int remaining = (int) Math.max(0, policy.requests() - updated.hits());
            return new RateLimitDecision(true, policy.requests(), remaining, reset);
        } catch (ConditionalCheckFailedException full) {
            return new RateLimitDecision(false, policy.requests(), 0, reset);
        }
    }
}
