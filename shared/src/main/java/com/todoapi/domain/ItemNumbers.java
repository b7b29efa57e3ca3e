package com.todoapi.domain;

import java.math.BigDecimal;

/**
 * The numbers that name a user's tasks and conversations, as a path or a tool call gives them:
 * 1 to {@link #MAX} (12 digits, the contract's maximum). A number too large is told so, not
 * called "not a positive integer".
 */
public final class ItemNumbers {
    public static final long MAX = 999_999_999_999L;
    private static final int MAX_DIGITS = 12;

    private ItemNumbers() {
    }

    /** Digits without sign or leading zeros, from 1 to {@link #MAX}; else INVALID naming {@code field}. */
    public static long parse(String field, String raw) {
        if (raw == null || !raw.matches("[1-9][0-9]*")) {
            throw notPositive(field);
        }
        if (raw.length() > MAX_DIGITS) {
            throw tooLarge(field);
        }
        return Long.parseLong(raw);
    }

    /** A JSON number that is a whole number from 1 to {@link #MAX} ({@code 3.0} counts as 3). */
    public static long of(String field, Number number) {
        BigDecimal value;
        try {
            value = new BigDecimal(number.toString());
        } catch (NumberFormatException notFinite) {
            throw notPositive(field);
        }
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0) {
            throw notPositive(field);
        }
        if (value.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            throw tooLarge(field);
        }
        return value.longValueExact();
    }

    private static DomainException notPositive(String field) {
        return DomainException.invalid(field, "must be a positive integer");
    }

    private static DomainException tooLarge(String field) {
        return DomainException.invalid(field, "must be at most " + MAX);
    }
}
