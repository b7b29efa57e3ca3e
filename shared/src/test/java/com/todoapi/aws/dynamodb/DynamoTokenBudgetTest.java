package com.todoapi.aws.dynamodb;

import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A person's daily model tokens counted in DynamoDB Local, as every worker instance would share them. */
@ExtendWith(AwsBackendExtension.class)
class DynamoTokenBudgetTest {
    private static final Instant MORNING = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void allowsUntilTheDaysTokensAreSpentThenRefusesUntilTheNextUtcDay(AwsBackend aws) {
        DynamoTokenBudget budget = budget(aws, 1_000);
        String user = "user-" + UUID.randomUUID();

        assertThat(budget.allows(user, MORNING)).as("nothing spent").isTrue();
        budget.charge(user, 600, MORNING);
        assertThat(budget.allows(user, MORNING.plusSeconds(60))).isTrue();
        budget.charge(user, 400, MORNING.plusSeconds(60));
        assertThat(budget.allows(user, MORNING.plusSeconds(120))).as("exactly spent").isFalse();
        assertThat(budget.allows(user, Instant.parse("2026-12-03T23:59:59Z"))).isFalse();
        assertThat(budget.allows(user, Instant.parse("2026-12-04T00:00:00Z"))).as("a new day").isTrue();
        assertThat(budget.allows("user-" + UUID.randomUUID(), MORNING)).as("another person").isTrue();
    }

    @Test
    void concurrentChargesAllCount(AwsBackend aws) throws Exception {
        DynamoTokenBudget budget = budget(aws, 1_000_000);
        String user = "user-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 40; i++) {
            pool.submit(() -> budget.charge(user, 25, MORNING));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        Map<String, AttributeValue> item = day(aws, user);
        assertThat(item.get("tokens").n()).isEqualTo("1000");
        assertThat(Long.parseLong(item.get("expires_at").n())).as("kept a day after the day ends, then TTL")
                .isEqualTo(Instant.parse("2026-12-05T00:00:00Z").getEpochSecond());
    }

    @Test
    void aZeroChargeWritesNothingAndABudgetOfNothingIsRefused(AwsBackend aws) {
        String user = "user-" + UUID.randomUUID();
        budget(aws, 10).charge(user, 0, MORNING);
        assertThat(day(aws, user)).isEmpty();
        assertThatThrownBy(() -> budget(aws, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static DynamoTokenBudget budget(AwsBackend aws, long perDay) {
        return new DynamoTokenBudget(new Tables(aws.aws().dynamoDb(), aws.tableName()), perDay);
    }

    private static Map<String, AttributeValue> day(AwsBackend aws, String user) {
        return aws.aws().dynamoDb().getItem(r -> r.tableName(aws.tableName()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("USER#" + user + "#TOKENS"),
                "sk", AttributeValue.fromS("DAY#2026-12-03")))).item();
    }
}
