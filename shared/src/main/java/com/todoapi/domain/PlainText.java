package com.todoapi.domain;

import java.util.Optional;

/**
 * What a person's text may hold, for every text field (task title and description, conversation
 * title, chat message) whichever way it arrives: a route's body or an assistant's tool call. The
 * rules (docs/api.md, "Text fields") keep what is stored the same as what is shown: Unicode text,
 * no control characters (tab and line breaks only where a field has lines), nothing that makes a
 * listing display in another order than stored, and at least one visible character.
 */
public final class PlainText {
    /** A field shown on one line (a title), or one that may hold tabs and line breaks. */
    public enum Lines { ONE, MANY }

    public static final String UNPAIRED_SURROGATE = "must be valid Unicode text (it has an unpaired surrogate)";
    static final String REPLACEMENT_CHARACTER = "must not contain U+FFFD, the replacement character "
            + "(the text was probably not valid UTF-8 where it came from)";
    static final String CONTROL_ON_ONE_LINE = "must not contain control characters or line breaks (it is one line)";
    static final String CONTROL_IN_LINES = "must not contain control characters other than tab, line feed "
            + "and carriage return";
    static final String BIDI_CONTROL = "must not contain bidirectional embedding, override or isolate characters "
            + "(U+202A-U+202E, U+2066-U+2069), which make text display in another order than it is stored";
    static final String TAG_CHARACTER = "must not contain Unicode tag characters (U+E0000-U+E007F) "
            + "outside an emoji flag, since they hide text no one sees";
    static final String NOTHING_VISIBLE = "must have a visible character (it has only spaces or invisible characters)";

    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int CANCEL_TAG = 0xE007F;

    private PlainText() {
    }

    /**
     * The first broken rule, by severity rather than position, or empty when {@code text} may be
     * stored. Empty text has nothing visible but breaks no rule here: whether a field may be empty
     * is the field's own rule.
     */
    public static Optional<String> problem(String text, Lines lines) {
        boolean surrogate = false;
        boolean replacement = false;
        boolean control = false;
        boolean bidi = false;
        boolean tag = false;
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int flagEnd = c == BLACK_FLAG ? endOfTagFlag(text, i) : -1;
            if (flagEnd > 0) {
                visible = true;
                i = flagEnd;
                continue;
            }
            surrogate |= c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE; // codePointAt gives a lone one as is
            replacement |= c == 0xFFFD;
            control |= isControl(c, lines);
            bidi |= isBidiControl(c);
            tag |= c >= 0xE0000 && c <= 0xE007F;
            visible |= !isInvisible(c);
            i += Character.charCount(c);
        }
        if (surrogate) {
            return Optional.of(UNPAIRED_SURROGATE);
        } else if (replacement) {
            return Optional.of(REPLACEMENT_CHARACTER);
        } else if (control) {
            return Optional.of(lines == Lines.ONE ? CONTROL_ON_ONE_LINE : CONTROL_IN_LINES);
        } else if (bidi) {
            return Optional.of(BIDI_CONTROL);
        } else if (tag) {
            return Optional.of(TAG_CHARACTER);
        } else if (!visible && !text.isEmpty()) {
            return Optional.of(NOTHING_VISIBLE);
        }
        return Optional.empty();
    }

    /** Whether every surrogate in {@code text} is half of a pair: DynamoDB refuses text with a lone one. */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isControl(int c, Lines lines) {
        if (Character.getType(c) == Character.CONTROL) {
            return lines == Lines.ONE || !(c == '\t' || c == '\n' || c == '\r');
        }
        // Line and paragraph separators break a line as \n does.
        return lines == Lines.ONE && (c == 0x2028 || c == 0x2029);
    }

    /**
     * The embeddings, overrides and isolates, whose effect reaches over the text after them (the
     * "Trojan Source" characters). The marks U+200E, U+200F and U+061C act only on their
     * neighbours and right-to-left writing needs them, so they are allowed (they are invisible).
     */
    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** Spaces, controls, format characters (zero-width ones, joiners, BOM, soft hyphen...) and fillers. */
    private static boolean isInvisible(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
            return true;
        }
        return c == 0x034F                                   // combining grapheme joiner
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0   // Hangul fillers
                || c == 0x17B4 || c == 0x17B5                // Khmer inherent vowels
                || (c >= 0x180B && c <= 0x180F)              // Mongolian variation selectors
                || (c >= 0xFE00 && c <= 0xFE0F)              // variation selectors
                || (c >= 0xE0100 && c <= 0xE01EF)            // variation selectors supplement
                || c == 0x2800;                              // braille blank
    }

    /**
     * Where a subdivision flag (U+1F3F4, tag letters, U+E007F: England, Scotland, Wales) that
     * starts at {@code start} ends, or -1 when none does: the one use of tag characters allowed.
     */
    private static int endOfTagFlag(String text, int start) {
        int i = start + Character.charCount(BLACK_FLAG);
        int tags = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == CANCEL_TAG) {
                return tags > 0 ? i + Character.charCount(c) : -1;
            }
            if (c < 0xE0020 || c > 0xE007E) {
                return -1;
            }
            tags++;
            i += Character.charCount(c);
        }
        return -1;
    }
}
