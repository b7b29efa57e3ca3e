package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RRULE subset (RFC 5545 section 3.3.10) and a recurring task's completion in the person's zone. */
class RecurrenceTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static List<String> occurrences(String rule, String start, int n) {
        Recurrence recurrence = Recurrence.parse("recurrence", rule);
        List<String> seen = new ArrayList<>();
        LocalDateTime at = LocalDateTime.parse(start);
        seen.add(at.toLocalDate().toString());
        for (int i = 1; i < n; i++) {
            Optional<LocalDateTime> next = recurrence.next(at, i);
            if (next.isEmpty()) {
                break;
            }
            at = next.get();
            seen.add(at.toLocalDate().toString());
        }
        return seen;
    }

    @Test
    void dailyAndWeeklyWithAnInterval() {
        assertThat(occurrences("FREQ=DAILY;INTERVAL=3", "2026-12-30T09:00", 3))
                .containsExactly("2026-12-30", "2027-01-02", "2027-01-05");
        // Every other week on Monday and Wednesday from a Wednesday: the week of the start counts.
        assertThat(occurrences("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE", "2026-12-02T09:00", 5))
                .containsExactly("2026-12-02", "2026-12-14", "2026-12-16", "2026-12-28", "2026-12-30");
        assertThat(occurrences("FREQ=WEEKLY", "2026-12-03T09:00", 3))
                .containsExactly("2026-12-03", "2026-12-10", "2026-12-17");
    }

    @Test
    void monthEndsSkipTheMonthsThatLackTheDay() {
        // RFC 5545: an occurrence on a date that does not exist is ignored (no 31st in Feb, Apr, Jun).
        assertThat(occurrences("FREQ=MONTHLY", "2026-01-31T09:00", 4))
                .containsExactly("2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31");
        // The last day of every month is BYMONTHDAY=-1.
        assertThat(occurrences("FREQ=MONTHLY;BYMONTHDAY=-1", "2027-12-31T09:00", 4))
                .containsExactly("2027-12-31", "2028-01-31", "2028-02-29", "2028-03-31");
        assertThat(occurrences("FREQ=MONTHLY;BYMONTHDAY=1,15", "2026-12-15T09:00", 3))
                .containsExactly("2026-12-15", "2027-01-01", "2027-01-15");
    }

    @Test
    void leapDaysRecurOnlyInLeapYears() {
        assertThat(occurrences("FREQ=YEARLY", "2028-02-29T00:00", 3))
                .containsExactly("2028-02-29", "2032-02-29", "2036-02-29");
        assertThat(occurrences("FREQ=YEARLY", "2027-03-01T00:00", 3))
                .containsExactly("2027-03-01", "2028-03-01", "2029-03-01");
    }

    @Test
    void weekdaysOfTheMonth() {
        assertThat(occurrences("FREQ=MONTHLY;BYDAY=-1FR", "2026-12-25T09:00", 3))
                .containsExactly("2026-12-25", "2027-01-29", "2027-02-26");
        assertThat(occurrences("FREQ=MONTHLY;BYDAY=5MO", "2026-11-30T09:00", 3))
                .containsExactly("2026-11-30", "2027-03-29", "2027-05-31");
        assertThat(occurrences("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "2026-11-13T09:00", 3))
                .containsExactly("2026-11-13", "2027-08-13", "2028-10-13");
    }

    @Test
    void countAndUntilEndTheSeries() {
        assertThat(occurrences("FREQ=DAILY;COUNT=3", "2026-12-01T09:00", 10))
                .containsExactly("2026-12-01", "2026-12-02", "2026-12-03");
        // UNTIL is inclusive.
        assertThat(occurrences("FREQ=WEEKLY;UNTIL=20261215", "2026-12-01T09:00", 10))
                .containsExactly("2026-12-01", "2026-12-08", "2026-12-15");
        assertThat(occurrences("FREQ=DAILY;UNTIL=20261202T085959Z", "2026-12-01T09:00", 10))
                .containsExactly("2026-12-01");
    }

    @Test
    void theRuleIsCheckedAndWrittenCanonically() {
        assertThat(Recurrence.parse("recurrence", "rrule:freq=weekly;byday=mo,we,mo;interval=1").text())
                .isEqualTo("FREQ=WEEKLY;BYDAY=MO,WE");
        for (String bad : List.of("", "FREQ=HOURLY", "INTERVAL=2", "FREQ=DAILY;FREQ=DAILY", "FREQ=DAILY;COUNT=2;UNTIL=20270101",
                "FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;INTERVAL=101", "FREQ=DAILY;COUNT=x", "FREQ=WEEKLY;BYDAY=1MO",
                "FREQ=WEEKLY;BYMONTHDAY=1", "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=MONTHLY;BYMONTHDAY=0", "FREQ=DAILY;BYHOUR=9",
                "FREQ=DAILY;UNTIL=20270230", "FREQ=MONTHLY;BYDAY=XX", "FREQ=YEARLY;BYDAY=MO", "FREQ=DAILY;;",
                "FREQ=DAILY;WKST=SU", "FREQ=DAILY\nX", "x".repeat(201))) {
            assertThatThrownBy(() -> Recurrence.parse("recurrence", bad)).as(bad).isInstanceOf(DomainException.class);
        }
    }

    private static Task recurring(String due, String rule, String remind, ZoneId zone) {
        Planning planning = PlanChanges.parse(Optional.of(Optional.of(due)), Optional.empty(), Optional.empty(),
                Optional.of(Optional.of(rule)), Optional.ofNullable(remind).map(Optional::of), zone).planning();
        return new Task(1, "Water plants", "", false, Instant.EPOCH, Instant.EPOCH, 1, planning);
    }

    @Test
    void completingMovesTheTaskToItsNextOccurrenceAndLeavesItPending() {
        Task task = recurring("2026-12-07", "FREQ=WEEKLY", null, ZoneOffset.UTC);
        Task next = TaskChanges.completing(ZoneOffset.UTC).applyTo(task, Instant.EPOCH);
        assertThat(next.completed()).isFalse();
        assertThat(next.planning().due().orElseThrow().given()).isEqualTo("2026-12-14");
        assertThat(next.planning().occurrence()).isEqualTo(2);
        assertThat(next.version()).isEqualTo(2);
    }

    @Test
    void aFloatingTimeKeepsItsWallClockAcrossADaylightSavingChange() {
        // 2027-03-14: New York moves from EST (-05:00) to EDT (-04:00).
        Task task = recurring("2027-03-13T17:00", "FREQ=DAILY", "2027-03-13T16:45", NEW_YORK);
        assertThat(task.planning().due().orElseThrow().at()).contains(Instant.parse("2027-03-13T22:00:00Z"));
        Task next = TaskChanges.completing(NEW_YORK).applyTo(task, Instant.EPOCH);
        assertThat(next.planning().due().orElseThrow().given()).isEqualTo("2027-03-14T17:00");
        assertThat(next.planning().due().orElseThrow().at()).contains(Instant.parse("2027-03-14T21:00:00Z"));
        assertThat(next.planning().remind().orElseThrow().given()).isEqualTo("2027-03-14T16:45");
        assertThat(next.planning().remindInstant()).contains(Instant.parse("2027-03-14T20:45:00Z"));
        assertThat(next.planning().remindedAt()).isEmpty();
    }

    @Test
    void aFixedTimeRecursAtTheSameWallClockInThePersonsZoneInNovember() {
        // 2026-11-01: New York goes back from EDT (-04:00) to EST (-05:00).
        Task task = recurring("2026-10-31T09:00-04:00", "FREQ=DAILY", null, NEW_YORK);
        Task next = TaskChanges.completing(NEW_YORK).applyTo(task, Instant.EPOCH);
        assertThat(next.planning().due().orElseThrow().given()).isEqualTo("2026-11-01T09:00-05:00");
        assertThat(next.planning().due().orElseThrow().at()).contains(Instant.parse("2026-11-01T14:00:00Z"));
    }

    @Test
    void theLastOccurrenceCompletesTheTask() {
        Task task = recurring("2026-12-01", "FREQ=DAILY;COUNT=2", null, ZoneOffset.UTC);
        Task second = TaskChanges.completing(ZoneOffset.UTC).applyTo(task, Instant.EPOCH);
        assertThat(second.completed()).isFalse();
        Task done = TaskChanges.completing(ZoneOffset.UTC).applyTo(second, Instant.EPOCH);
        assertThat(done.completed()).isTrue();
        assertThat(done.planning().due().orElseThrow().given()).isEqualTo("2026-12-02");
    }
}
