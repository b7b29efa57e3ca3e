package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.FieldProblem;
import com.todoapi.domain.PlainText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskRulesTest {
    /** One code point, two UTF-16 chars. */
    private static final String EMOJI = "\ud83d\ude00";

    private static void assertInvalid(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.problems()).extracting(FieldProblem::field).containsExactly(field);
        });
    }

    @Test
    void titleIsTrimmed() {
        assertThat(TaskRules.title("  Buy milk \t\n")).isEqualTo("Buy milk");
    }

    @Test
    void titleIsTrimmedOfUnicodeWhitespaceToo() {
        assertThat(TaskRules.title("\u2003Buy milk\u3000")).isEqualTo("Buy milk");
    }

    @Test
    void missingTitleIsInvalid() {
        assertInvalid(() -> TaskRules.title(null), "title");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "\u2003\u3000"})
    void blankTitleIsInvalid(String title) {
        assertInvalid(() -> TaskRules.title(title), "title");
    }

    @Test
    void titleOf200CharactersIsAcceptedAnd201IsInvalid() {
        assertThat(TaskRules.title("t".repeat(200))).hasSize(200);
        assertInvalid(() -> TaskRules.title("t".repeat(201)), "title");
    }

    @Test
    void titleLengthIsCountedInCodePointsNotUtf16Chars() {
        String twoHundredEmoji = EMOJI.repeat(200);
        assertThat(twoHundredEmoji).hasSize(400);
        assertThat(TaskRules.title(twoHundredEmoji)).isEqualTo(twoHundredEmoji);
        assertInvalid(() -> TaskRules.title(EMOJI.repeat(201)), "title");
    }

    @Test
    void titleLengthIsCountedAfterTrimming() {
        assertThat(TaskRules.title("   " + "t".repeat(200) + "   ")).hasSize(200);
    }

    @Test
    void descriptionOf2000CharactersIsAcceptedAnd2001IsInvalid() {
        assertThat(TaskRules.description("d".repeat(2_000))).hasSize(2_000);
        assertInvalid(() -> TaskRules.description("d".repeat(2_001)), "description");
    }

    @Test
    void descriptionLengthIsCountedInCodePoints() {
        assertThat(TaskRules.description(EMOJI.repeat(2_000))).hasSize(4_000);
        assertInvalid(() -> TaskRules.description(EMOJI.repeat(2_001)), "description");
    }

    @Test
    void missingDescriptionIsEmpty() {
        assertThat(TaskRules.description(null)).isEmpty();
    }

    @Test
    void descriptionIsTrimmedAndBlankBecomesEmpty() {
        assertThat(TaskRules.description("  notes  ")).isEqualTo("notes");
        assertThat(TaskRules.description("   ")).isEmpty();
    }

    @Test
    void newTaskAppliesTheRules() {
        NewTask task = new NewTask("  Buy milk  ", null);
        assertThat(task.title()).isEqualTo("Buy milk");
        assertThat(task.description()).isEmpty();
        assertInvalid(() -> new NewTask(" ", "d"), "title");
        assertInvalid(() -> new NewTask("t", "d".repeat(2_001)), "description");
    }

    @Test
    void newTaskBecomesVersionOneOfAPendingTask() {
        java.time.Instant now = java.time.Instant.parse("2026-01-02T03:04:05.678Z");
        Task task = Task.created(7, new NewTask("Buy milk", "two litres"), now);
        assertThat(task).isEqualTo(new Task(7, "Buy milk", "two litres", false, now, now, 1));
    }

    @Test
    void aNewTaskReportsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> new NewTask(" ", "d".repeat(2_001)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("title", "description"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Buy\u0000milk", "Buy\tmilk", "Buy\nmilk", "Buy \u202Eklim", "\u200B\u200D", "caf\uFFFD",
            "\u00A0"})
    void aTitleWithHostileTextIsRefusedSayingWhy(String title) {
        assertThatThrownBy(() -> TaskRules.title(title)).isInstanceOfSatisfying(DomainException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("title");
                    assertThat(p.problem()).isEqualTo(PlainText.problem(title.strip(), PlainText.Lines.ONE).orElseThrow());
                }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u2067notes", "\u200B", "x\uFFFD"})
    void aDescriptionWithHostileTextIsRefusedSayingWhy(String description) {
        assertThatThrownBy(() -> TaskRules.description(description)).isInstanceOfSatisfying(DomainException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("description");
                    assertThat(p.problem()).isEqualTo(PlainText.problem(description, PlainText.Lines.MANY).orElseThrow());
                }));
    }

    @Test
    void aDescriptionMayHaveLinesAndTabs() {
        assertThat(TaskRules.description("milk\n\teggs\r\nbread")).isEqualTo("milk\n\teggs\r\nbread");
    }

    @Test
    void updatesAndNewTasksPassTheSameRules() {
        assertInvalid(() -> new NewTask("Pay \u202Eabc", null), "title");
        assertInvalid(() -> new NewTask("Pay", "\u0007"), "description");
        assertInvalid(() -> new TaskChanges(java.util.Optional.of("a\u2066b"), java.util.Optional.empty(),
                java.util.Optional.empty()), "title");
        assertInvalid(() -> new TaskChanges(java.util.Optional.empty(), java.util.Optional.of("\u2060"),
                java.util.Optional.empty()), "description");
    }
}
