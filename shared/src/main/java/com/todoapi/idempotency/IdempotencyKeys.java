package com.todoapi.idempotency;

import com.todoapi.domain.DomainException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The rules for an {@code Idempotency-Key} value, and the digests that stand for keys and bodies. */
public final class IdempotencyKeys {
    public static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    /** The key if it is 1-255 printable ASCII characters; else INVALID. */
    public static String validate(String key) {
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw DomainException.invalid("Idempotency-Key", "must be 1-" + MAX_LENGTH + " printable ASCII characters");
        }
        return key;
    }

    /** SHA-256 of the parts, each length-prefixed so that no two lists of parts share a digest. */
    public static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
