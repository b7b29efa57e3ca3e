package com.todoapi.accounts;

/**
 * Whether a user asked to leave and the purge of their items is still running: the request pipeline
 * refuses such a user's tokens until it is over, so that nobody sees a half-deleted account.
 */
public interface LeavingCheck {

    /** One strongly consistent read of the user's marker ({@code LEAVING#<sub>}). */
    boolean isLeaving(String userId);
}
