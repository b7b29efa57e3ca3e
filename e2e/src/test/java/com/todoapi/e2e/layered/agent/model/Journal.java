package com.todoapi.e2e.layered.agent.model;

import com.todoapi.e2e.layered.agent.builtin.Memory;

/** The second link of the fixture's agent ring: the model side uses the built-in engine's memory. Never deployed. */
public record Journal(Memory memory) {
}
