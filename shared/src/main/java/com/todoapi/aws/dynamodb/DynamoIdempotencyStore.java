package com.todoapi.aws.dynamodb;

import com.todoapi.idempotency.ClaimOutcome;
import com.todoapi.idempotency.IdempotencyClaim;
import com.todoapi.idempotency.IdempotencyKeys;
import com.todoapi.idempotency.IdempotencyStore;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Idempotency records in the user's partition. A claim is one conditional put; the record is
 * completed inside the transaction that does the request's write, so a request either left its
 * result behind or left nothing, and a crash in between never lets a retry act twice.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {
    /** Longer than any function's timeout: a holder that crashed frees its key after this. */
    static final Duration LOCK = Duration.ofSeconds(30);
    static final Duration KEEP = Duration.ofHours(24);

    private final Tables tables;

    public DynamoIdempotencyStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public ClaimOutcome claim(String userId, String scope, String key, String requestHash, Instant now) {
        IdempotencyClaim claim = new IdempotencyClaim(userId, scope, IdempotencyKeys.digest(key), requestHash,
                UUID.randomUUID().toString());
        IdempotencyItem fresh = inProgress(claim, now);
        Expression newOrExpired = Expression.builder()
                .expression("attribute_not_exists(pk) OR expires_at < :now")
                .putExpressionValue(":now", number(now.getEpochSecond()))
                .build();
        try {
            put(fresh, newOrExpired);
            return new ClaimOutcome.Claimed(claim);
        } catch (ConditionalCheckFailedException taken) {
            IdempotencyItem existing = IdempotencyItem.SCHEMA.mapToItem(taken.item());
            return settle(existing, claim, now);
        }
    }

    private ClaimOutcome settle(IdempotencyItem existing, IdempotencyClaim claim, Instant now) {
        if (!existing.requestHash().equals(claim.requestHash())) {
            return new ClaimOutcome.Reused();
        }
        if (IdempotencyItem.COMPLETED.equals(existing.status())) {
            return new ClaimOutcome.Replay(existing.result());
        }
        if (existing.lockedUntil() > now.getEpochSecond()) {
            return new ClaimOutcome.InFlight();
        }
        try {
            put(inProgress(claim, now), heldBy(existing.token()));
            return new ClaimOutcome.Claimed(claim);
        } catch (ConditionalCheckFailedException lostTheRace) {
            return new ClaimOutcome.InFlight();
        }
    }

    @Override
    public void release(IdempotencyClaim claim) {
        try {
            StoreCalls.run(() -> tables.idempotency().deleteItem(DeleteItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(Keys.user(claim.userId()))
                            .sortValue(Keys.idempotency(claim.scope(), claim.keyHash())).build())
                    .conditionExpression(heldBy(claim.token()))
                    .build()));
        } catch (ConditionalCheckFailedException alreadyTakenOver) {
            // Someone else holds the key now; it is theirs to complete.
        }
    }

    /** The write that completes a claim, for the transaction that performs the request. */
    static TransactPutItemEnhancedRequest<IdempotencyItem> completion(IdempotencyClaim claim, String result,
                                                                      Instant now) {
        IdempotencyItem done = new IdempotencyItem(Keys.user(claim.userId()), Keys.idempotency(claim.scope(), claim.keyHash()),
                IdempotencyItem.COMPLETED, claim.requestHash(), claim.token(), 0L, result, now.plus(KEEP).getEpochSecond());
        return TransactPutItemEnhancedRequest.builder(IdempotencyItem.class)
                .item(done)
                .conditionExpression(heldBy(claim.token()))
                .build();
    }

    private void put(IdempotencyItem item, Expression condition) {
        StoreCalls.run(() -> tables.idempotency().putItem(PutItemEnhancedRequest.builder(IdempotencyItem.class)
                .item(item)
                .conditionExpression(condition)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()));
    }

    private static IdempotencyItem inProgress(IdempotencyClaim claim, Instant now) {
        return new IdempotencyItem(Keys.user(claim.userId()), Keys.idempotency(claim.scope(), claim.keyHash()),
                IdempotencyItem.IN_PROGRESS, claim.requestHash(), claim.token(),
                now.plus(LOCK).getEpochSecond(), null, now.plus(KEEP).getEpochSecond());
    }

    private static Expression heldBy(String token) {
        return Expression.builder().expression("#token = :token")
                .putExpressionName("#token", "token")
                .putExpressionValue(":token", AttributeValue.fromS(token))
                .build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
