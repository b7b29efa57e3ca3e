package com.todoapi.pagination;

import com.todoapi.domain.DomainException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident page cursors: the position and the list it belongs to, sealed with an
 * HMAC over those and the user's id. An edited cursor, one of another list (another status
 * filter) or of another user fails the check and is refused, whatever it says.
 */
public final class CursorCodec {
    public static final int MIN_KEY_BYTES = 32;
    private static final int MAX_CURSOR_LENGTH = 512;
    private static final int TAG_BYTES = 16;
    private static final String VERSION = "1";

    private final SecretKeySpec key;

    public CursorCodec(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("A cursor key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String encode(String userId, String list, String position) {
        String payload = VERSION + "|" + list + "|" + position;
        return base64(payload.getBytes(StandardCharsets.UTF_8)) + "." + base64(tag(userId, payload));
    }

    /** The position a cursor this codec gave this user for this list holds; INVALID otherwise. */
    public String decode(String userId, String list, String cursor) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw invalid();
        }
        int dot = cursor.indexOf('.');
        if (dot < 0) {
            throw invalid();
        }
        byte[] payloadBytes = canonicalBase64(cursor.substring(0, dot));
        byte[] tag = canonicalBase64(cursor.substring(dot + 1));
        String payload = new String(payloadBytes, StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(tag, tag(userId, payload))) {
            throw invalid();
        }
        String[] parts = payload.split("\\|", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].equals(list)) {
            throw invalid();
        }
        return parts[2];
    }

    private byte[] tag(String userId, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Decodes only what {@link #base64} would have written: the decoder alone ignores a last character's spare bits. */
    private static byte[] canonicalBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        if (!base64(bytes).equals(text)) {
            throw invalid();
        }
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static DomainException invalid() {
        return DomainException.invalid("cursor", "is not a cursor this list gave out");
    }

    /** For lists that page by number: the number in {@code cursor}, if one is given. */
    public OptionalLong decodeNumber(String userId, String list, Optional<String> cursor) {
        if (cursor.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(decode(userId, list, cursor.get())));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** The cursor to the page after {@code last}, or null when there is none. */
    public String encodeNumber(String userId, String list, Optional<Long> last) {
        return last.map(number -> encode(userId, list, Long.toString(number))).orElse(null);
    }
}
