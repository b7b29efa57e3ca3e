package com.todoapi.apikeys;

import com.todoapi.domain.SecretDigest;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The shape of a personal API key, after GitHub's tokens: {@code tdk_}, 30 base62 characters from
 * a CSPRNG (178 bits), and 6 base62 characters holding the CRC32 of the 34 before them. A scanner
 * finds a leaked key by {@link #SCANNER_REGEX} and confirms it by the checksum; the service refuses
 * a mistyped key by the checksum alone, before any table read. The table holds only the key's
 * SHA-256 digest ({@link #digest}).
 */
public final class ApiKeyFormat {
    public static final String PREFIX = "tdk_";
    public static final int RANDOM_CHARS = 30;
    public static final int CHECKSUM_CHARS = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_CHARS + CHECKSUM_CHARS;
    /** How many characters of a key are shown again (in listings): the prefix and 4 random characters. */
    public static final int SHOWN_CHARS = PREFIX.length() + 4;
    /** What secret scanners match (docs/api.md, "API keys"). */
    public static final String SCANNER_REGEX = "\\btdk_[0-9A-Za-z]{36}\\b";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern SHAPE = Pattern.compile("tdk_[0-9A-Za-z]{36}");

    private ApiKeyFormat() {
    }

    /** A new key: 30 characters drawn uniformly from base62 by {@code random}, then the checksum. */
    public static String generate(SecureRandom random) {
        StringBuilder key = new StringBuilder(LENGTH).append(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            key.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return key.append(checksum(key)).toString();
    }

    /** Whether {@code text} could be a key this service issued: the prefix, the length, base62, the checksum. */
    public static boolean isWellFormed(String text) {
        return text.length() == LENGTH && SHAPE.matcher(text).matches()
                && checksum(text.substring(0, LENGTH - CHECKSUM_CHARS)).equals(text.substring(LENGTH - CHECKSUM_CHARS));
    }

    /** Whether a bearer token is meant as a key (and so must not be read as a JWT). */
    public static boolean looksLikeKey(String token) {
        return token.startsWith(PREFIX);
    }

    /** The SHA-256 of the key's text, in lowercase hex: what the table is keyed by. */
    public static String digest(String key) {
        return SecretDigest.of(key);
    }

    /** The part of a key shown again in listings, to tell keys apart. */
    public static String shownPrefix(String key) {
        return key.substring(0, SHOWN_CHARS);
    }

    /** CRC32 of the text, as 6 base62 digits (62^6 > 2^32), most significant first. */
    static String checksum(CharSequence text) {
        CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_CHARS];
        for (int i = CHECKSUM_CHARS - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(digits);
    }
}
