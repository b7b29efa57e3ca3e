package com.todoapi.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How a bearer secret (an API key, a live ticket) is stored: only its SHA-256, in lowercase hex. */
public final class SecretDigest {
    private SecretDigest() {
    }

    /** The SHA-256 of {@code secret}'s ASCII text, in lowercase hex. */
    public static String of(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
