package com.todoapi.idempotency;

/** What claiming an {@code Idempotency-Key} found. */
public sealed interface ClaimOutcome {

    /** The key is new (or its last holder crashed): run the request and complete the claim. */
    record Claimed(IdempotencyClaim claim) implements ClaimOutcome {
    }

    /** The same request already ran: answer with its stored result. */
    record Replay(String result) implements ClaimOutcome {
    }

    /** The key was used with another request body. */
    record Reused() implements ClaimOutcome {
    }

    /** The same request is running right now elsewhere. */
    record InFlight() implements ClaimOutcome {
    }
}
