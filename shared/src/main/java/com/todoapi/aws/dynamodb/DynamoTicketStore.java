package com.todoapi.aws.dynamodb;

import com.todoapi.live.TicketStore;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Connect tickets: {@code TICKET#<sha256>} / {@code TICKET} with the owner and {@code expires_at}
 * (TTL; DynamoDB may keep an expired item up to days, so redeeming checks the time itself), listed
 * in gsi1 under {@code USER#<sub>#TICKETS} for the purge of a user who leaves.
 */
public final class DynamoTicketStore implements TicketStore {
    private final Tables tables;

    public DynamoTicketStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public void put(String digest, String userId, Instant expiresAt) {
        StoreCalls.run(() -> tables.dynamoDb().putItem(put -> put.tableName(tables.tableName())
                .item(Map.of("pk", s(Keys.ticket(digest)), "sk", s(Keys.TICKET_ITEM),
                        "gsi1pk", s(Keys.ticketsOfUser(userId)), "gsi1sk", s(Keys.ticket(digest)),
                        "user_id", s(userId), "expires_at", n(expiresAt.getEpochSecond())))
                .conditionExpression("attribute_not_exists(pk)")));
    }

    @Override
    public Optional<String> consume(String digest, Instant now) {
        try {
            DeleteItemResponse deleted = StoreCalls.call(() -> tables.dynamoDb().deleteItem(delete -> delete
                    .tableName(tables.tableName())
                    .key(Map.of("pk", s(Keys.ticket(digest)), "sk", s(Keys.TICKET_ITEM)))
                    .conditionExpression("attribute_exists(pk) AND expires_at > :now")
                    .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))
                    .returnValues(ReturnValue.ALL_OLD)));
            return Optional.ofNullable(deleted.attributes()).map(item -> item.get("user_id")).map(AttributeValue::s);
        } catch (ConditionalCheckFailedException usedExpiredOrUnknown) {
            return Optional.empty();
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
