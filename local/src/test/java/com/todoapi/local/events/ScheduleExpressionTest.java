package com.todoapi.local.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleExpressionTest {
    private static final ZonedDateTime MONDAY_10_07 = ZonedDateTime.parse("2026-11-23T10:07:30Z");

    @Test
    void rateAddsItsPeriod() {
        assertThat(ScheduleExpression.parse("rate(5 minutes)").next(MONDAY_10_07)).isEqualTo(MONDAY_10_07.plus(Duration.ofMinutes(5)));
        assertThat(ScheduleExpression.parse("rate(1 hour)").next(MONDAY_10_07)).isEqualTo(MONDAY_10_07.plusHours(1));
        assertThat(ScheduleExpression.parse("rate(2 days)").next(MONDAY_10_07)).isEqualTo(MONDAY_10_07.plusDays(2));
    }

    @Test
    void cronFindsTheNextMatchingMinuteInUtc() {
        assertThat(ScheduleExpression.parse("cron(0/15 * * * ? *)").next(MONDAY_10_07))
                .isEqualTo(ZonedDateTime.parse("2026-11-23T10:15:00Z"));
        assertThat(ScheduleExpression.parse("cron(0 9 ? * MON-FRI *)").next(MONDAY_10_07))
                .isEqualTo(ZonedDateTime.parse("2026-11-24T09:00:00Z"));
        assertThat(ScheduleExpression.parse("cron(30 2 1 JAN,JUL ? *)").next(MONDAY_10_07))
                .isEqualTo(ZonedDateTime.parse("2027-01-01T02:30:00Z"));
        assertThat(ScheduleExpression.parse("cron(0 12 ? * SUN *)").next(MONDAY_10_07))
                .isEqualTo(ZonedDateTime.parse("2026-11-29T12:00:00Z"));
    }

    @Test
    void refusesWhatItCannotRunWithAClearMessage() {
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 0 L * ? *)")).hasMessageContaining("L, W or #");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 0 * *)")).hasMessageContaining("six fields");
        assertThatThrownBy(() -> ScheduleExpression.parse("every 5 minutes")).hasMessageContaining("Not a schedule expression");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(61 * * * ? *)")).hasMessageContaining("out of range");
    }
}
