package com.todoapi.pagination;

import com.todoapi.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {
    private static final byte[] KEY = "cursor-key-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8);
    private static final String USER = "user-1";
    private static final String LIST = "tasks:all";
    private static final String POSITION = "1234567";
    /** Every character a cursor may contain, and some it may not. */
    private static final String REPLACEMENTS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ |%";

    private final CursorCodec codec = new CursorCodec(KEY);

    private static void assertInvalid(Runnable decode) {
        assertThatThrownBy(decode::run)
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.problems()).extracting(p -> p.field()).containsExactly("cursor");
                });
    }

    private void assertRejected(String cursor) {
        assertInvalid(() -> codec.decode(USER, LIST, cursor));
    }

    @Test
    void positionSurvivesARoundTrip() {
        String cursor = codec.encode(USER, LIST, POSITION);
        assertThat(codec.decode(USER, LIST, cursor)).isEqualTo(POSITION);
    }

    @Test
    void positionsWithSeparatorsAndUnicodeSurviveARoundTrip() {
        for (String position : List.of("", "a|b|c", "x.y", "émoji 😀", "{\"pk\":\"USER#1\",\"sk\":\"TASK#9\"}")) {
            assertThat(codec.decode(USER, LIST, codec.encode(USER, LIST, position))).isEqualTo(position);
        }
    }

    @Test
    void cursorIsUrlSafeAndDoesNotShowThePositionInClearText() {
        String cursor = codec.encode(USER, LIST, "{\"pk\":\"USER#1\"}");
        assertThat(cursor).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").doesNotContain("USER");
    }

    @Test
    void anotherUsersCursorIsRejected() {
        String theirs = codec.encode("user-2", LIST, POSITION);
        assertRejected(theirs);
    }

    @Test
    void anotherListsCursorIsRejected() {
        String pending = codec.encode(USER, "tasks:pending", POSITION);
        assertRejected(pending);
    }

    @Test
    void cursorOfAnotherKeyIsRejected() {
        String foreign = new CursorCodec("another-key-0123456789abcdef0123456789".getBytes(StandardCharsets.UTF_8))
                .encode(USER, LIST, POSITION);
        assertRejected(foreign);
    }

    @Test
    void userIdAndPayloadCannotBeShiftedIntoEachOther() {
        // the tag covers user + NUL + payload, so "user-1" + "1|..." differs from "user-11" + "|..."
        String cursor = codec.encode("user-1", LIST, POSITION);
        assertInvalid(() -> codec.decode("user-11", LIST, cursor));
        assertInvalid(() -> codec.decode("user-", LIST, cursor));
    }

    /** Including edits of a final base64 character's spare bits, which a lenient decoder would ignore. */
    @Test
    void everySingleCharacterEditIsRejected() {
        String cursor = codec.encode(USER, LIST, POSITION);
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < cursor.length(); i++) {
            for (char replacement : REPLACEMENTS.toCharArray()) {
                String edited = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
                if (!edited.equals(cursor)) {
                    try {
                        codec.decode(USER, LIST, edited);
                        accepted.add(edited);
                    } catch (DomainException expected) {
                        // refused, as it should be
                    }
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void truncatedCursorsAreRejected() {
        String cursor = codec.encode(USER, LIST, POSITION);
        for (int length = 0; length < cursor.length(); length++) {
            assertRejected(cursor.substring(0, length));
        }
    }

    @Test
    void cursorWithSomethingAppendedIsRejected() {
        String cursor = codec.encode(USER, LIST, POSITION);
        assertRejected(cursor + "A");
        assertRejected(cursor + "AAAA");
        assertRejected(cursor + ".");
        assertRejected(cursor + "." + cursor.substring(cursor.indexOf('.') + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "no-dot-at-all", "!!!.???", "a b.c d", "%41%41.%41", "MXx0YXNrczphbGx8MQ.", "MXx0YXNrczphbGx8MQ"})
    void malformedCursorsAreRejected(String cursor) {
        assertRejected(cursor);
    }

    @Test
    void forgedPayloadWithoutAValidTagIsRejected() {
        String payload = b64("1|" + LIST + "|" + POSITION);
        assertRejected(payload + "." + b64(new byte[16]));
        assertRejected(payload + "." + b64(new byte[32]));
    }

    @Test
    void cursorsUpTo512CharactersAreAcceptedAndLongerOnesRejected() {
        String longestAllowed = longestGenuineCursorUpTo(512);
        assertThat(longestAllowed.length()).isBetween(509, 512);
        assertThat(codec.decode(USER, LIST, longestAllowed)).startsWith("ppp");

        String shortestTooLong = codec.encode(USER, LIST, codec.decode(USER, LIST, longestAllowed) + "p");
        assertThat(shortestTooLong.length()).isBetween(513, 514);
        assertRejected(shortestTooLong);
        assertRejected("A".repeat(10_000) + "." + "A".repeat(10_000));
    }

    /** The longest cursor this codec makes, for a position of p's, that has at most {@code limit} characters. */
    private String longestGenuineCursorUpTo(int limit) {
        String longest = null;
        for (int n = 1; ; n++) {
            String cursor = codec.encode(USER, LIST, "p".repeat(n));
            if (cursor.length() > limit) {
                return longest;
            }
            longest = cursor;
        }
    }

    @Test
    void keyShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> new CursorCodec(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CursorCodec(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyOf32BytesIsAccepted() {
        CursorCodec minimal = new CursorCodec(new byte[32]);
        assertThat(minimal.decode(USER, LIST, minimal.encode(USER, LIST, POSITION))).isEqualTo(POSITION);
    }

    @Test
    void keyIsCopiedSoLaterChangesToTheArrayDoNotMatter() {
        byte[] key = KEY.clone();
        CursorCodec copy = new CursorCodec(key);
        String cursor = copy.encode(USER, LIST, POSITION);
        key[0] ^= 1;
        assertThat(copy.decode(USER, LIST, cursor)).isEqualTo(POSITION);
        assertThat(codec.decode(USER, LIST, cursor)).isEqualTo(POSITION);
    }

    private static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
