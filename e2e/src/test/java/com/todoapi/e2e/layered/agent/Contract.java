package com.todoapi.e2e.layered.agent;

import com.todoapi.e2e.layered.agent.model.Journal;

/**
 * With {@link Journal} and {@code Memory}, breaks "no package cycles" within one top-level
 * package: agent, agent.model and agent.builtin use each other in a ring, as the product's agent
 * packages once did. A rule that slices by top-level package only misses it. Never deployed.
 */
public interface Contract {
    String respond(Journal journal);
}
