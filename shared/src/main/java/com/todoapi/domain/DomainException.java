package com.todoapi.domain;

import java.util.List;

/**
 * A rule of the domain that a request broke, or a state it cannot be served in. The HTTP layer
 * maps each {@link Kind} to a status and an error code; the message is written for the client.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        INVALID,
        NOT_FOUND,
        PRECONDITION_FAILED,
        IN_FLIGHT,
        CONFLICT,
        IDEMPOTENCY_KEY_REUSED,
        UNAVAILABLE
    }

    private final Kind kind;
    private final List<FieldProblem> problems;

    public DomainException(Kind kind, String message, List<FieldProblem> problems) {
        this(kind, message, problems, null);
    }

    private DomainException(Kind kind, String message, List<FieldProblem> problems, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public static DomainException invalid(List<FieldProblem> problems) {
        return new DomainException(Kind.INVALID, "The request has invalid fields", problems);
    }

    public static DomainException invalid(String field, String problem) {
        return invalid(List.of(new FieldProblem(field, problem)));
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, message, List.of());
    }

    public static DomainException preconditionFailed(String message) {
        return new DomainException(Kind.PRECONDITION_FAILED, message, List.of());
    }

    public static DomainException inFlight() {
        return new DomainException(Kind.IN_FLIGHT,
                "A request with this Idempotency-Key is still being processed; retry shortly", List.of());
    }

    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, message, List.of());
    }

    public static DomainException idempotencyKeyReused() {
        return new DomainException(Kind.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was already used with a different request body", List.of());
    }

    /** The store did not answer; the cause is kept for the log, never shown to the client. */
    public static DomainException unavailable(Throwable cause) {
        return new DomainException(Kind.UNAVAILABLE, "The service is temporarily unavailable; retry shortly",
                List.of(), cause);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
