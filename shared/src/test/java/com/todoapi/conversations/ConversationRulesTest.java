package com.todoapi.conversations;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.PlainText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lengths count characters (code points), as tasks and JSON Schema do; no character is ever cut in half. */
class ConversationRulesTest {
    private static final String EMOJI = "\uD83D\uDE00"; // one character, two UTF-16 units

    @Test
    void aTitleOf200CharactersOutsideTheBasicPlaneIsAccepted() {
        assertThat(ConversationRules.title(EMOJI.repeat(200))).isEqualTo(EMOJI.repeat(200));
        assertThatThrownBy(() -> ConversationRules.title(EMOJI.repeat(201))).isInstanceOf(DomainException.class);
    }

    @Test
    void aMessageOf4000CharactersOutsideTheBasicPlaneIsAccepted() {
        assertThat(ConversationRules.content("content", EMOJI.repeat(4_000))).hasSize(8_000);
        assertThatThrownBy(() -> ConversationRules.content("content", EMOJI.repeat(4_001)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aTitleMadeFromALongFirstLineIsShortenedBetweenCharacters() {
        String title = ConversationRules.titleFrom(EMOJI.repeat(100) + "\nsecond line");
        assertThat(title).isEqualTo(EMOJI.repeat(59) + "…");
        assertThat(ConversationRules.titleFrom("Short\nsecond line")).isEqualTo("Short");
        assertThat(ConversationRules.titleFrom("   ")).isEqualTo(ConversationRules.DEFAULT_TITLE);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"a\u0000b", "a\tb", "Plans\u202E", "\u200B", "x\uFFFD"})
    void aConversationTitleWithHostileTextIsRefused(String title) {
        assertThatThrownBy(() -> ConversationRules.title(title)).isInstanceOfSatisfying(DomainException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("title");
                    assertThat(p.problem()).isEqualTo(PlainText.problem(title, PlainText.Lines.ONE).orElseThrow());
                }));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"a\u0000b", "add \u2066task\u2069", "\u200B\uFEFF", "x\uFFFD"})
    void aMessageWithHostileTextIsRefusedUnderTheFieldItCameIn(String content) {
        for (String field : new String[] {"content", "message"}) {
            assertThatThrownBy(() -> ConversationRules.content(field, content)).isInstanceOfSatisfying(
                    DomainException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo(field);
                        assertThat(p.problem()).isEqualTo(PlainText.problem(content, PlainText.Lines.MANY).orElseThrow());
                    }));
        }
    }

    @Test
    void aMessageMayHaveLinesAndTabs() {
        assertThat(ConversationRules.content("content", "Add:\n\tmilk\r\n\teggs")).isEqualTo("Add:\n\tmilk\r\n\teggs");
    }

    @Test
    void aTitleMadeFromAMessageIsOneLineWithSomethingVisibleOrTheDefault() {
        assertThat(ConversationRules.titleFrom("Plan\tthe week\nthen rest")).isEqualTo("Plan the week");
        assertThat(ConversationRules.titleFrom("\u200B\nAdd milk")).isEqualTo(ConversationRules.DEFAULT_TITLE);
        assertThat(ConversationRules.titleFrom("one\u2028two")).isEqualTo(ConversationRules.DEFAULT_TITLE);
    }
}
