package com.todoapi.auth;

/** The request's token is missing or fails a check; which check is deliberately not told. */
public final class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
