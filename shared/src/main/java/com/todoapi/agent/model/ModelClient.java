package com.todoapi.agent.model;

import com.todoapi.agent.ModelAnswer;

import java.util.function.Consumer;

/**
 * One provider's API for one model call. Implementations speak the wire protocol and map its
 * failures to {@link ModelCallException}; retries, rounds and tools are the loop's business.
 */
public interface ModelClient {

    /** The model's id, as it is stored with each reply's usage. */
    String model();

    ModelAnswer complete(ModelRequest request);

    /**
     * As {@link #complete(ModelRequest)}, telling {@code text} the answer's text as it comes. This
     * default suits a provider called without streaming (Bedrock's Converse): the whole text at once.
     */
    default ModelAnswer complete(ModelRequest request, Consumer<String> text) {
        ModelAnswer answer = complete(request);
        if (!answer.text().isEmpty()) {
            text.accept(answer.text());
        }
        return answer;
    }
}
