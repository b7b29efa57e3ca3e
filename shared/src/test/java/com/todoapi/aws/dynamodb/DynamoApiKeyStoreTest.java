package com.todoapi.aws.dynamodb;

import com.todoapi.apikeys.ApiKey;
import com.todoapi.apikeys.ApiKeyFormat;
import com.todoapi.apikeys.ApiKeyService;
import com.todoapi.apikeys.ApiKeyStore;
import com.todoapi.apikeys.KeyGrant;
import com.todoapi.apikeys.Scope;
import com.todoapi.domain.DomainException;
import com.todoapi.domain.Page;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API keys on DynamoDB Local: the live-key limit under concurrency, expiry, revocation, last use once an hour. */
@ExtendWith(AwsBackendExtension.class)
class DynamoApiKeyStoreTest {
    private DynamoApiKeyStore store;

    @BeforeEach
    void setUp(AwsBackend aws) {
        store = new DynamoApiKeyStore(new Tables(aws.aws().dynamoDb(), aws.tableName()));
    }

    @Test
    void thirtyConcurrentCreatesLeaveExactlyTwentyKeysNumberedOneToTwenty() throws Exception {
        String user = "user-" + UUID.randomUUID();
        Instant now = Instant.now();
        List<CompletableFuture<Object>> creates = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 30; i++) {
                String secret = ApiKeyFormat.generate(new java.security.SecureRandom());
                creates.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return store.create(user, key("k", Optional.empty()), ApiKeyFormat.digest(secret), 20, now);
                    } catch (DomainException refused) {
                        return refused;
                    }
                }, pool));
            }
        }
        long made = creates.stream().map(CompletableFuture::join).filter(ApiKey.class::isInstance).count();
        assertThat(made).isEqualTo(20);
        Page<ApiKey, Long> page = store.list(user, 100, OptionalLong.empty(), now);
        assertThat(page.items()).extracting(ApiKey::id).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
        assertThatThrownBy(() -> store.create(user, key("21st", Optional.empty()), "d" + UUID.randomUUID(), 20, now))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        assertThat(store.revoke(user, 7)).isTrue();
        assertThat(store.create(user, key("after a revoke", Optional.empty()), "d" + UUID.randomUUID(), 20, now).id())
                .isEqualTo(21);
    }

    @Test
    void expiredKeysAreNotFoundListedOrCounted(AwsBackend aws) {
        String user = "user-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        MutableClock clock = new MutableClock(start);
        ApiKeyService keys = new ApiKeyService(store, clock);
        ApiKeyService.Created shortLived = keys.create(user, Optional.of("short"), Optional.of(List.of("read")), Optional.of(1L));
        for (int i = 0; i < 19; i++) {
            keys.create(user, Optional.of("k" + i), Optional.empty(), Optional.empty());
        }
        assertThat(keys.authenticate(shortLived.secret())).map(KeyGrant::scopes).hasValue(Set.of(Scope.READ));
        clock.now = start.plus(Duration.ofDays(1));
        assertThat(keys.authenticate(shortLived.secret())).as("expired").isEmpty();
        assertThat(keys.list(user, 100, OptionalLong.empty()).items()).hasSize(19).noneMatch(k -> k.name().equals("short"));
        assertThat(keys.create(user, Optional.of("20th live"), Optional.empty(), Optional.empty()).key().id()).isEqualTo(21);
    }

    @Test
    void lastUseIsRecordedAtMostOnceAnHour() {
        String user = "user-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        MutableClock clock = new MutableClock(start);
        ApiKeyService keys = new ApiKeyService(store, clock);
        ApiKeyService.Created created = keys.create(user, Optional.of("cli"), Optional.empty(), Optional.empty());
        assertThat(keys.list(user, 10, OptionalLong.empty()).items().get(0).lastUsedAt()).isEmpty();
        keys.authenticate(created.secret());
        clock.now = start.plus(Duration.ofMinutes(59));
        keys.authenticate(created.secret());
        assertThat(keys.list(user, 10, OptionalLong.empty()).items().get(0).lastUsedAt()).hasValue(start);
        clock.now = start.plus(Duration.ofMinutes(61));
        keys.authenticate(created.secret());
        assertThat(keys.list(user, 10, OptionalLong.empty()).items().get(0).lastUsedAt()).hasValue(clock.now);
        keys.revoke(user, created.key().id());
        assertThat(keys.authenticate(created.secret())).isEmpty();
        assertThat(store.find(ApiKeyFormat.digest(created.secret()))).as("no item left behind").isEmpty();
    }

    private static ApiKeyStore.NewKey key(String name, Optional<Instant> expiresAt) {
        return new ApiKeyStore.NewKey(name, "tdk_abcd", Set.of(Scope.READ, Scope.WRITE), expiresAt);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
