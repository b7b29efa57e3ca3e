package com.todoapi.conversations;

import com.todoapi.domain.DomainException;
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
}
