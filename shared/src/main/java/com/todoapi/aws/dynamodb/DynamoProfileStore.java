package com.todoapi.aws.dynamodb;

import com.todoapi.profile.Profile;
import com.todoapi.profile.ProfileStore;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The profile item, {@code USER#<sub>} / {@code PROFILE}: in the user's partition, so that leaving
 * ({@code DELETE /v1/me}) purges it with the tasks, with no key of its own to remember.
 */
public final class DynamoProfileStore implements ProfileStore {
    private final Tables tables;

    public DynamoProfileStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public Profile find(String userId) {
        GetItemResponse response = StoreCalls.call(() -> tables.dynamoDb().getItem(get -> get
                .tableName(tables.tableName()).key(key(userId)).consistentRead(true)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Profile.EMPTY;
        }
        AttributeValue zone = response.item().get("time_zone");
        return new Profile(zone == null || zone.s() == null ? Optional.empty() : Optional.of(ZoneId.of(zone.s())));
    }

    @Override
    public void saveTimeZone(String userId, Optional<ZoneId> zone, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(userId));
        zone.ifPresent(z -> item.put("time_zone", AttributeValue.fromS(z.getId())));
        item.put("updated_at", AttributeValue.fromS(now.toString()));
        StoreCalls.run(() -> tables.dynamoDb().putItem(put -> put.tableName(tables.tableName()).item(item)));
    }

    private static Map<String, AttributeValue> key(String userId) {
        return Map.of("pk", AttributeValue.fromS(Keys.user(userId)), "sk", AttributeValue.fromS(Keys.PROFILE));
    }
}
