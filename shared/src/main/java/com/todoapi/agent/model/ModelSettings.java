package com.todoapi.agent.model;

import java.time.Duration;

/**
 * How the model is asked: at most {@code maxOutputTokens} per answer, at {@code temperature}, each
 * call within {@code callTimeout} (or less, as the turn's time runs out), at most
 * {@code maxRounds} model calls per message.
 */
public record ModelSettings(int maxOutputTokens, double temperature, Duration callTimeout, int maxRounds) {
    public static final int DEFAULT_MAX_ROUNDS = 8;

    public ModelSettings {
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("The model's max output tokens must be at least 1");
        }
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("The model's temperature must be between 0 and 2");
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("A turn needs at least one model round");
        }
    }
}
