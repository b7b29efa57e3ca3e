package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskChangesTest {
    private static final Instant CREATED = Instant.parse("2026-01-01T10:00:00.000Z");
    private static final Instant UPDATED = Instant.parse("2026-01-02T10:00:00.000Z");
    private static final Instant NOW = Instant.parse("2026-01-03T10:00:00.000Z");
    private static final Task TASK = new Task(5, "Buy milk", "two litres", false, CREATED, UPDATED, 3);

    private static TaskChanges changes(String title, String description, Boolean completed) {
        return new TaskChanges(Optional.ofNullable(title), Optional.ofNullable(description), Optional.ofNullable(completed));
    }

    private static void assertInvalid(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.problems()).extracting(FieldProblem::field).containsExactly(field);
        });
    }

    @Test
    void changingNothingIsInvalid() {
        assertInvalid(() -> changes(null, null, null), "body");
    }

    @Test
    void changesAreValidatedAndTrimmed() {
        TaskChanges changes = changes("  New title ", "  new notes ", null);
        assertThat(changes.title()).contains("New title");
        assertThat(changes.description()).contains("new notes");
        assertInvalid(() -> changes("   ", null, null), "title");
        assertInvalid(() -> changes("t".repeat(201), null, null), "title");
        assertInvalid(() -> changes(null, "d".repeat(2_001), null), "description");
    }

    @Test
    void applyingIncrementsTheVersionKeepsCreatedAtAndSetsUpdatedAt() {
        Task changed = changes(null, null, true).applyTo(TASK, NOW);
        assertThat(changed).isEqualTo(new Task(5, "Buy milk", "two litres", true, CREATED, NOW, 4));
    }

    @Test
    void onlyThePresentFieldsChange() {
        assertThat(changes("Buy oat milk", null, null).applyTo(TASK, NOW))
                .isEqualTo(new Task(5, "Buy oat milk", "two litres", false, CREATED, NOW, 4));
        assertThat(changes(null, "one litre", null).applyTo(TASK, NOW))
                .isEqualTo(new Task(5, "Buy milk", "one litre", false, CREATED, NOW, 4));
    }

    @Test
    void emptyDescriptionClearsIt() {
        assertThat(changes(null, "", null).applyTo(TASK, NOW).description()).isEmpty();
    }

    @Test
    void completingCanBeUndone() {
        Task done = changes(null, null, true).applyTo(TASK, NOW);
        Task undone = changes(null, null, false).applyTo(done, NOW.plusSeconds(1));
        assertThat(undone.completed()).isFalse();
        assertThat(undone.version()).isEqualTo(5);
        assertThat(undone.updatedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void applyingDoesNotChangeTheOriginal() {
        changes("Other", "other", true).applyTo(TASK, NOW);
        assertThat(TASK).isEqualTo(new Task(5, "Buy milk", "two litres", false, CREATED, UPDATED, 3));
    }
}
