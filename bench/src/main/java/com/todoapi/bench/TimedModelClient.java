package com.todoapi.bench;

import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.model.ModelClient;
import com.todoapi.agent.model.ModelRequest;

/** A model client whose calls are timed and counted, with the tokens they used, until {@link #reset()}. */
final class TimedModelClient implements ModelClient {
    private final ModelClient client;
    private long nanos;
    private int calls;
    private long inputTokens;
    private long outputTokens;

    TimedModelClient(ModelClient client) {
        this.client = client;
    }

    @Override
    public String model() {
        return client.model();
    }

    @Override
    public ModelAnswer complete(ModelRequest request) {
        long started = System.nanoTime();
        try {
            ModelAnswer answer = client.complete(request);
            inputTokens += answer.usage().inputTokens();
            outputTokens += answer.usage().outputTokens();
            return answer;
        } finally {
            nanos += System.nanoTime() - started;
            calls++;
        }
    }

    void reset() {
        nanos = 0;
        calls = 0;
        inputTokens = 0;
        outputTokens = 0;
    }

    long nanos() {
        return nanos;
    }

    int calls() {
        return calls;
    }

    long inputTokens() {
        return inputTokens;
    }

    long outputTokens() {
        return outputTokens;
    }
}
