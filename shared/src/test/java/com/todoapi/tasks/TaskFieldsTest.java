package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of each planning field: due, remind_at, priority, labels (recurrence has its own test). */
class TaskFieldsTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static void assertInvalid(Runnable action, String field, String words) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.problems()).extracting(FieldProblem::field).contains(field);
            assertThat(e.problems()).anyMatch(p -> p.problem().contains(words));
        });
    }

    @Test
    void aDayHasNoInstant() {
        TaskTime day = TaskTime.parse("due", "2026-12-06", MADRID);
        assertThat(day.given()).isEqualTo("2026-12-06");
        assertThat(day.at()).isEmpty();
        assertThat(day.time()).isEmpty();
    }

    @Test
    void aFloatingTimeIsResolvedInThePersonsZone() {
        TaskTime floating = TaskTime.parse("due", "2026-12-06T17:00", MADRID);
        assertThat(floating.given()).isEqualTo("2026-12-06T17:00");
        assertThat(floating.fixed()).isFalse();
        assertThat(floating.at()).contains(Instant.parse("2026-12-06T16:00:00Z"));
        assertThat(TaskTime.parse("due", "2026-07-06T17:00:30", MADRID).at())
                .contains(Instant.parse("2026-07-06T15:00:30Z"));
    }

    @Test
    void aTimeWithZOrAnOffsetIsFixedWhateverTheZone() {
        assertThat(TaskTime.parse("due", "2026-12-06T17:00Z", MADRID).at()).contains(Instant.parse("2026-12-06T17:00:00Z"));
        TaskTime offset = TaskTime.parse("due", "2026-12-06T17:00+05:30", MADRID);
        assertThat(offset.fixed()).isTrue();
        assertThat(offset.at()).contains(Instant.parse("2026-12-06T11:30:00Z"));
        assertThat(offset.given()).isEqualTo("2026-12-06T17:00+05:30");
    }

    @Test
    void aSkippedLocalTimeMovesForwardByTheGap() {
        // 2026-03-08 02:30 does not exist in New York (clocks jump from 02:00 to 03:00).
        assertThat(TaskTime.parse("due", "2026-03-08T02:30", ZoneId.of("America/New_York")).at())
                .contains(Instant.parse("2026-03-08T07:30:00Z"));
    }

    @Test
    void impossibleAndMalformedTimesAreRefused() {
        assertInvalid(() -> TaskTime.parse("due", "2026-02-30", MADRID), "due", "not a date that exists");
        assertInvalid(() -> TaskTime.parse("due", "2027-02-29", MADRID), "due", "not a date that exists");
        assertInvalid(() -> TaskTime.parse("due", "2026-13-01", MADRID), "due", "not a date that exists");
        assertInvalid(() -> TaskTime.parse("due", "2026-12-06T24:00", MADRID), "due", "not a date that exists");
        assertInvalid(() -> TaskTime.parse("due", "2026-12-06T17:00+19:00", MADRID), "due", "offset out of range");
        assertInvalid(() -> TaskTime.parse("due", "tomorrow", MADRID), "due", "must be a day");
        assertInvalid(() -> TaskTime.parse("due", "2026-12-06 17:00", MADRID), "due", "must be a day");
        assertInvalid(() -> TaskTime.parse("due", "2026-12-06T17:00:00.5Z", MADRID), "due", "must be a day");
        assertInvalid(() -> TaskTime.parse("due", "2026-12-06\u202E", MADRID), "due", "must be a day");
        assertInvalid(() -> TaskTime.parse("due", "1969-12-31", MADRID), "due", "1970");
        assertThat(TaskTime.parse("due", "2028-02-29", MADRID).date().getDayOfMonth()).isEqualTo(29);
    }

    @Test
    void aReminderNeedsATime() {
        assertInvalid(() -> TaskTime.parseWithTime("remind_at", "2026-12-06", MADRID), "remind_at", "must have a time");
        assertThat(TaskTime.parseWithTime("remind_at", "2026-12-06T09:00", MADRID).at())
                .contains(Instant.parse("2026-12-06T08:00:00Z"));
    }

    @Test
    void aStoredTimeKeepsTheInstantItWasResolvedTo() {
        TaskTime stored = TaskTime.stored("2026-12-06T17:00", Instant.parse("2026-12-06T16:00:00Z"));
        assertThat(stored.at()).contains(Instant.parse("2026-12-06T16:00:00Z"));
        assertThat(TaskTime.stored("2026-12-06", null).at()).isEmpty();
    }

    @Test
    void priorityIsOneOfFour() {
        assertThat(Priority.parse("priority", "high")).isEqualTo(Priority.HIGH);
        assertThat(Priority.parse("priority", null)).isEqualTo(Priority.NONE);
        assertThat(Priority.stored(null)).isEqualTo(Priority.NONE);
        assertInvalid(() -> Priority.parse("priority", "HIGH"), "priority", "none, low, medium, high");
        assertInvalid(() -> Priority.parse("priority", "urgent"), "priority", "none, low, medium, high");
    }

    @Test
    void labelsAreTrimmedDeduplicatedWithoutCaseAndKeptAsTyped() {
        assertThat(Labels.check("labels", List.of(" Work ", "work", "Home", "WORK", "ｗｏｒｋ")))
                .containsExactly("Work", "Home");
        assertThat(Labels.has(List.of("Groceries"), "GROCERIES")).isTrue();
        assertThat(Labels.has(List.of("Groceries"), "grocery")).isFalse();
    }

    @Test
    void labelsHaveLimits() {
        assertInvalid(() -> Labels.check("labels", List.of("a".repeat(51))), "labels", "at most 50 characters");
        assertThat(Labels.check("labels", List.of("a".repeat(50)))).hasSize(1);
        List<String> eleven = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "l" + i).toList();
        assertInvalid(() -> Labels.check("labels", eleven), "labels", "at most 10 labels");
        assertThat(Labels.check("labels", eleven.subList(0, 10))).hasSize(10);
        assertInvalid(() -> Labels.check("labels", List.of("  ")), "labels", "empty label");
        assertInvalid(() -> Labels.check("labels", List.of("a\nb")), "labels", "control characters");
        assertInvalid(() -> Labels.check("labels", List.of("evil\u202Etxt")), "labels", "bidirectional");
    }

    @Test
    void aRecurrenceNeedsADueAndAReminderATime() {
        Recurrence weekly = Recurrence.parse("recurrence", "FREQ=WEEKLY");
        assertInvalid(() -> PlanChanges.parse(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Optional.of("FREQ=WEEKLY")), Optional.empty(), ZoneOffset.UTC).planning(),
                "recurrence", "needs a due");
        Planning planned = PlanChanges.parse(Optional.of(Optional.of("2026-12-07")), Optional.of("low"),
                Optional.of(List.of("x")), Optional.of(Optional.of("FREQ=WEEKLY")),
                Optional.of(Optional.of("2026-12-07T08:00")), ZoneOffset.UTC).planning();
        assertThat(planned.recurrence()).contains(weekly);
        assertThat(planned.remindInstant()).contains(Instant.parse("2026-12-07T08:00:00Z"));
    }

    @Test
    void nullClearsAFieldAndAChangedReminderHasNotFired() {
        Planning fired = new Planning(Optional.of(TaskTime.parse("due", "2026-12-07", ZoneOffset.UTC)), Priority.HIGH,
                List.of("a"), Optional.empty(), 1, Optional.of(TaskTime.parse("r", "2026-12-07T08:00", ZoneOffset.UTC)),
                Optional.of(Instant.parse("2026-12-07T08:00:03Z")));
        Planning cleared = PlanChanges.parse(Optional.of(Optional.empty()), Optional.of("none"), Optional.of(List.of()),
                Optional.empty(), Optional.of(Optional.empty()), ZoneOffset.UTC).applyTo(fired);
        assertThat(cleared).isEqualTo(Planning.NONE);
        Planning moved = PlanChanges.parse(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Optional.of("2026-12-08T08:00")), ZoneOffset.UTC).applyTo(fired);
        assertThat(moved.remindedAt()).isEmpty();
    }

    @Test
    void snapshotsKeepThePlanningAndOldOnesReadAsNothingPlanned() {
        Planning planning = PlanChanges.parse(Optional.of(Optional.of("2026-12-07T17:00")), Optional.of("medium"),
                Optional.of(List.of("Work")), Optional.of(Optional.of("FREQ=DAILY;COUNT=3")),
                Optional.of(Optional.of("2026-12-07T16:30")), MADRID).planning();
        Task task = new Task(3, "t", "", false, Instant.EPOCH, Instant.EPOCH, 1, planning);
        assertThat(TaskSnapshots.decode(TaskSnapshots.encode(task))).isEqualTo(task);
        Task old = TaskSnapshots.decode("{\"id\":1,\"title\":\"t\",\"description\":\"\",\"completed\":false,"
                + "\"created_at_millis\":0,\"updated_at_millis\":0,\"version\":1}");
        assertThat(old.planning()).isEqualTo(Planning.NONE);
    }
}
