package com.todoapi.agent.model;

import java.time.Instant;

/**
 * A person's model tokens per day (UTC), shared by every worker instance. A turn that finds the
 * day's budget spent makes no model call; a turn's tokens are counted as its calls return, so the
 * last model call of a day may go over by what that call uses (the turn then stops before the next).
 */
public interface TokenBudget {

    /** True if {@code userId} may still use the model today. */
    boolean allows(String userId, Instant now);

    /**
     * Counts {@code tokens} to today's use; true if {@code userId} may still use the model, as
     * {@link #allows} would say just after. One call does both, so a turn's later rounds need no read.
     */
    boolean charge(String userId, long tokens, Instant now);

    /** No limit: for a deploy without one, and for tests of other things. */
    static TokenBudget unlimited() {
        return new TokenBudget() {
            @Override
            public boolean allows(String userId, Instant now) {
                return true;
            }

            @Override
            public boolean charge(String userId, long tokens, Instant now) {
                return true;
            }
        };
    }
}
