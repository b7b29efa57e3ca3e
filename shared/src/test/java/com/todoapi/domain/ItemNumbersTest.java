package com.todoapi.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemNumbersTest {

    private static void assertProblem(Runnable action, String problem) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e ->
                assertThat(e.problems()).containsExactly(new FieldProblem("task_id", problem)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "42", "999999999999"})
    void digitsFromOneToTheMaximumAreNumbers(String raw) {
        assertThat(ItemNumbers.parse("task_id", raw)).isEqualTo(Long.parseLong(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000000", "9223372036854775807", "9223372036854775808", "99999999999999999999999"})
    void digitsAboveTheMaximumAreOutOfRange(String raw) {
        assertProblem(() -> ItemNumbers.parse("task_id", raw), "must be at most 999999999999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "01", "+1", "1.0", "abc", "", " 1"})
    void anythingElseIsNotAPositiveInteger(String raw) {
        assertProblem(() -> ItemNumbers.parse("task_id", raw), "must be a positive integer");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 3, 999_999_999_999L})
    void jsonNumbersInRangeAreNumbers(long value) {
        assertThat(ItemNumbers.of("task_id", value)).isEqualTo(value);
        assertThat(ItemNumbers.of("task_id", (double) value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e12, 9.223372036854775807e18, 1e30, Double.MAX_VALUE})
    void largeJsonNumbersAreOutOfRange(double value) {
        assertProblem(() -> ItemNumbers.of("task_id", value), "must be at most 999999999999");
        assertProblem(() -> ItemNumbers.of("task_id", Long.MAX_VALUE), "must be at most 999999999999");
        assertProblem(() -> ItemNumbers.of("task_id", BigInteger.TEN.pow(40)), "must be at most 999999999999");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
    void otherJsonNumbersAreNotPositiveIntegers(double value) {
        assertProblem(() -> ItemNumbers.of("task_id", value), "must be a positive integer");
    }
}
