package com.todoapi.aws.dynamodb;

import com.todoapi.idempotency.ClaimOutcome;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Claiming keys on DynamoDB Local: in flight, released, taken over after a crash, expired. */
@ExtendWith(AwsBackendExtension.class)
class DynamoIdempotencyStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private DynamoIdempotencyStore store;
    private String user;

    @BeforeEach
    void setUp(AwsBackend aws) {
        store = new DynamoIdempotencyStore(new Tables(aws.aws().dynamoDb(), aws.tableName()));
        user = "user-" + UUID.randomUUID();
    }

    @Test
    void aSecondClaimWhileTheFirstRunsIsInFlight() {
        assertThat(store.claim(user, "s", "k", "h", NOW)).isInstanceOf(ClaimOutcome.Claimed.class);
        assertThat(store.claim(user, "s", "k", "h", NOW.plusSeconds(5))).isInstanceOf(ClaimOutcome.InFlight.class);
        assertThat(store.claim(user, "s", "k", "other", NOW.plusSeconds(5))).isInstanceOf(ClaimOutcome.Reused.class);
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        ClaimOutcome.Claimed first = (ClaimOutcome.Claimed) store.claim(user, "s", "k", "h", NOW);
        store.release(first.claim());

        assertThat(store.claim(user, "s", "k", "h", NOW.plusSeconds(1))).isInstanceOf(ClaimOutcome.Claimed.class);
    }

    @Test
    void aHolderThatCrashedLosesTheKeyWhenItsLockLapses() {
        ClaimOutcome.Claimed crashed = (ClaimOutcome.Claimed) store.claim(user, "s", "k", "h", NOW);
        Instant afterLock = NOW.plus(DynamoIdempotencyStore.LOCK).plusSeconds(1);

        ClaimOutcome retry = store.claim(user, "s", "k", "h", afterLock);
        assertThat(retry).isInstanceOf(ClaimOutcome.Claimed.class);
        store.release(crashed.claim());
        assertThat(store.claim(user, "s", "k", "h", afterLock)).as("the crashed holder cannot release the new claim")
                .isInstanceOf(ClaimOutcome.InFlight.class);
    }

    @Test
    void anExpiredRecordIsForgotten() {
        store.claim(user, "s", "k", "h", NOW);

        ClaimOutcome later = store.claim(user, "s", "k", "another body", NOW.plus(DynamoIdempotencyStore.KEEP).plusSeconds(1));
        assertThat(later).isInstanceOf(ClaimOutcome.Claimed.class);
    }
}
