package com.todoapi.agent.builtin.when;

/** Time words found at one end of a text: what they mean, and the text without them. */
public record Found(Schedule schedule, String rest) {
}
