package com.todoapi.agent.model;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * How the model is asked: at most {@code maxOutputTokens} per answer, at {@code temperature} (or
 * the provider's default when empty; Bedrock's Converse takes at most 1 and is capped there), each
 * call within {@code callTimeout} (or less, as the turn's time runs out), at most
 * {@code maxRounds} model calls per message.
 */
public record ModelSettings(int maxOutputTokens, OptionalDouble temperature, Duration callTimeout, int maxRounds) {
    public static final int DEFAULT_MAX_ROUNDS = 8;

    public ModelSettings {
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("The model's max output tokens must be at least 1");
        }
        temperature = temperature == null ? OptionalDouble.empty() : temperature;
        if (temperature.isPresent() && (temperature.getAsDouble() < 0 || temperature.getAsDouble() > 2)) {
            throw new IllegalArgumentException("The model's temperature must be between 0 and 2");
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("A turn needs at least one model round");
        }
    }

    public ModelSettings(int maxOutputTokens, double temperature, Duration callTimeout, int maxRounds) {
        this(maxOutputTokens, OptionalDouble.of(temperature), callTimeout, maxRounds);
    }
}
