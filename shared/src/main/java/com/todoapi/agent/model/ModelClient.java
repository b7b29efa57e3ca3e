package com.todoapi.agent.model;

import com.todoapi.agent.ModelAnswer;

/**
 * One provider's API for one model call. Implementations speak the wire protocol and map its
 * failures to {@link ModelCallException}; retries, rounds and tools are the loop's business.
 */
public interface ModelClient {

    /** The model's id, as it is stored with each reply's usage. */
    String model();

    ModelAnswer complete(ModelRequest request);
}
