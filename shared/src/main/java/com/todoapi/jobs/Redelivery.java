package com.todoapi.jobs;

/** Brings a received job back sooner than the queue's visibility timeout would, for a retry. */
public interface Redelivery {

    /** The received chat job (named by its receipt) is delivered again after {@code seconds}. */
    void redeliverChatJobAfter(String receiptHandle, int seconds);
}
