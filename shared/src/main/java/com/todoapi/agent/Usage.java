package com.todoapi.agent;

/** Tokens one or more model calls used, as the provider counted them, and the model that used them. */
public record Usage(String model, long inputTokens, long outputTokens) {
    public static final Usage NONE = new Usage("", 0, 0);

    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    public Usage plus(Usage other) {
        return new Usage(other.model.isEmpty() ? model : other.model, inputTokens + other.inputTokens,
                outputTokens + other.outputTokens);
    }
}
