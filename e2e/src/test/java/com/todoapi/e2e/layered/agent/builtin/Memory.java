package com.todoapi.e2e.layered.agent.builtin;

import com.todoapi.e2e.layered.agent.Contract;

/** The third link of the fixture's agent ring: the built-in engine implements the contract. Never deployed. */
public final class Memory {
    public Contract agent() {
        return journal -> "";
    }
}
