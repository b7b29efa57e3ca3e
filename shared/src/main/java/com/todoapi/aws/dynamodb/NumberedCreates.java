package com.todoapi.aws.dynamodb;

import com.todoapi.domain.DomainException;
import com.todoapi.idempotency.IdempotencyClaim;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Creates an item under a user's next number (tasks, conversations): reads the counter, then in
 * one transaction moves it on by one (only if nobody else did meanwhile), writes the item and
 * completes the idempotency claim. Concurrent creates of one user cancel each other's
 * transactions and try again with jittered waits, so numbers come out gap-free and unique.
 */
final class NumberedCreates {
    private static final int ATTEMPTS = 60;

    private final Tables tables;
    private final Backoff backoff;

    NumberedCreates(Tables tables, Backoff backoff) {
        this.tables = tables;
        this.backoff = backoff;
    }

    /**
     * @param make   the item for a number
     * @param write  adds the item's one write to the transaction
     * @param result the item as the claim's stored result, and when it was made
     */
    <T> T create(String userId, String counter, LongFunction<T> make,
                 BiConsumer<TransactWriteItemsEnhancedRequest.Builder, T> write, Optional<IdempotencyClaim> claim,
                 Function<T, String> result, Function<T, Instant> madeAt) {
        for (int attempt = 1; ; attempt++) {
            long last = lastNumber(userId, counter);
            T made = make.apply(last + 1);
            TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(tables.counters(), TransactPutItemEnhancedRequest.builder(CounterItem.class)
                            .item(new CounterItem(Keys.user(userId), counter, last + 1))
                            .conditionExpression(unchanged(last)).build());
            write.accept(transaction, made);
            claim.ifPresent(held -> transaction.addPutItem(tables.idempotency(),
                    DynamoIdempotencyStore.completion(held, result.apply(made), madeAt.apply(made))));
            try {
                StoreCalls.run(() -> tables.client().transactWriteItems(transaction.build()));
                return made;
            } catch (TransactionCanceledException cancelled) {
                if (claim.isPresent() && failedCondition(cancelled, 2)) {
                    throw DomainException.inFlight();
                }
                if (attempt == ATTEMPTS) {
                    throw DomainException.conflict("Too many items are being created at once; retry");
                }
                backoff.pause(attempt);
            }
        }
    }

    private long lastNumber(String userId, String counter) {
        CounterItem item = StoreCalls.call(() -> tables.counters().getItem(GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(Keys.user(userId)).sortValue(counter).build())
                .consistentRead(true).build()));
        return item == null ? 0 : item.last();
    }

    private static Expression unchanged(long last) {
        return last == 0
                ? Expression.builder().expression("attribute_not_exists(pk)").build()
                : Expression.builder().expression("#last = :last")
                        .putExpressionName("#last", "last")
                        .putExpressionValue(":last", AttributeValue.fromN(Long.toString(last))).build();
    }

    static boolean failedCondition(TransactionCanceledException cancelled, int index) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }
}
