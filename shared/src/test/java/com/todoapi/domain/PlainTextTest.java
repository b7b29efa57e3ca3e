package com.todoapi.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.todoapi.domain.PlainText.Lines.MANY;
import static com.todoapi.domain.PlainText.Lines.ONE;
import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Buy milk", "café", "日本語のタスク", "שלום עולם", "مرحبا", "👩‍💻 fix the build",
            "naïve\u0301", "co\u00ADoperate", "می\u200Cخواهم", "abc\u200Edef", "\u05D0\u200F1", "x\u061Cy",
            "🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F England", "a\u00A0b", "\uE000"})
    void ordinaryTextInAnyScriptPassesOnOneLine(String text) {
        assertThat(PlainText.problem(text, ONE)).isEmpty();
        assertThat(PlainText.problem(text, MANY)).isEmpty();
    }

    @Test
    void emptyTextBreaksNoRuleHereSinceEachFieldSaysWhetherItMayBeEmpty() {
        assertThat(PlainText.problem("", ONE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0001b", "a\u001Bb", "a\u007Fb", "a\u0085b", "a\u009Fb"})
    void controlCharactersAreRefusedInEveryField(String text) {
        assertThat(PlainText.problem(text, ONE)).contains(PlainText.CONTROL_ON_ONE_LINE);
        assertThat(PlainText.problem(text, MANY)).contains(PlainText.CONTROL_IN_LINES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"line one\nline two", "a\tb", "a\r\nb", "a\u2028b", "a\u2029b"})
    void tabsAndLineBreaksAreForFieldsWithLinesOnly(String text) {
        assertThat(PlainText.problem(text, ONE)).contains(PlainText.CONTROL_ON_ONE_LINE);
        assertThat(PlainText.problem(text, MANY)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"})
    void bidirectionalEmbeddingsOverridesAndIsolatesAreRefused(String control) {
        String text = "invoice " + control + "fdp.exe" + "\u202C";
        assertThat(PlainText.problem(text, ONE)).contains(PlainText.BIDI_CONTROL);
        assertThat(PlainText.problem(text, MANY)).contains(PlainText.BIDI_CONTROL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u200E", "\u200F", "\u061C",
            "\u034F", "\u3164", "\u115F", "\uFFA0", "\u2800", "\uFE0F", "\u180E", "\u00A0", "\u2007", "\u202F",
            "\u200B\u200D\uFEFF", " \u200B ", "\uDB40\uDD00"})
    void textWithNoVisibleCharacterIsRefused(String text) {
        assertThat(PlainText.problem(text, ONE)).contains(PlainText.NOTHING_VISIBLE);
        assertThat(PlainText.problem(text, MANY)).contains(PlainText.NOTHING_VISIBLE);
    }

    @Test
    void invisibleCharactersInsideVisibleTextAreAllowed() {
        assertThat(PlainText.problem("zero\u200Bwidth", ONE)).isEmpty();
        assertThat(PlainText.problem("\uFEFFtitle", ONE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"buy milk\uDB40\uDC69\uDB40\uDC67\uDB40\uDC6E", "\uDB40\uDC01x",
            "🏴\uDB40\uDC67\uDB40\uDC62 no cancel tag", "🏴\uDB40\uDC7F"})
    void tagCharactersOutsideAFlagAreRefused(String text) {
        assertThat(PlainText.problem(text, ONE)).contains(PlainText.TAG_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"caf\uFFFD", "\uFFFD"})
    void theReplacementCharacterIsRefused(String text) {
        assertThat(PlainText.problem(text, MANY)).contains(PlainText.REPLACEMENT_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "a\uDC00b", "\uD83D\uD83D", "x\uD83D"})
    void unpairedSurrogatesAreRefused(String text) {
        assertThat(PlainText.problem(text, ONE)).contains(PlainText.UNPAIRED_SURROGATE);
        assertThat(PlainText.isWellFormed(text)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PlainText.Lines.class)
    void theMostSevereProblemIsReportedWhereverItIs(PlainText.Lines lines) {
        assertThat(PlainText.problem("\u202Eabc\u0000\uD800", lines)).contains(PlainText.UNPAIRED_SURROGATE);
        assertThat(PlainText.problem("\u202Eabc\u0000", lines)).hasValueSatisfying(p -> assertThat(p).contains("control"));
        assertThat(PlainText.problem("\u200B\u202E", lines)).contains(PlainText.BIDI_CONTROL);
    }
}
