package com.todoapi.aws.dynamodb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.enhanced.dynamodb.internal.converter.attribute.InstantAsStringAttributeConverter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fast reader agrees with java.time on every instant, and stores exactly what the SDK's own converter stores. */
class IsoInstantConverterTest {
    private final IsoInstantConverter converter = new IsoInstantConverter();

    @Test
    void readsWhatItWritesAndWritesWhatTheSdkWrites() {
        SplittableRandom random = new SplittableRandom(7);
        InstantAsStringAttributeConverter sdk = InstantAsStringAttributeConverter.create();
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) { // Instant.toString writes 0, 3, 6 or 9 fraction digits
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            AttributeValue stored = converter.transformFrom(instant);

            assertThat(stored).isEqualTo(sdk.transformFrom(instant));
            assertThat(converter.transformTo(stored)).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T10:15:30Z", "2026-11-22T10:15:30.1Z", "2026-11-22T10:15:30.12Z",
            "2026-11-22T10:15:30.1234Z", "2026-11-22T10:15:30.123456789Z", "2024-02-29T23:59:59.999Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z", "2026-11-22T10:15:30+01:00", "+10000-01-01T00:00:00Z",
            "2026-11-22T23:59:60Z", "2026-11-22T24:00:00Z", "2026-11-22T10:15:30.Z"})
    void agreesWithJavaTime(String text) {
        assertThat(IsoInstantConverter.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:15:30Z", "2026-13-01T10:15:30Z", "2026-11-22T10:61:30Z",
            "2026-11-2xT10:15:30Z", "2026-11-22 10:15:30Z", ""})
    void refusesWhatJavaTimeRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> IsoInstantConverter.parse(text)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void readsAStoredNullAsNoInstant() {
        assertThat(converter.transformTo(AttributeValue.fromNul(true))).isNull();
    }
}
