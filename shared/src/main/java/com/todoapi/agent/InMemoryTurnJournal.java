package com.todoapi.agent;

import java.util.ArrayList;
import java.util.List;

/** A journal held by one run only: what a turn needs when nothing outlives it. */
final class InMemoryTurnJournal implements TurnJournal {
    private final List<ModelRound> rounds = new ArrayList<>();

    @Override
    public List<ModelRound> rounds() {
        return List.copyOf(rounds);
    }

    @Override
    public void save(ModelRound round) {
        if (!rounds.isEmpty() && rounds.getLast().number() == round.number()) {
            rounds.set(rounds.size() - 1, round);
        } else {
            rounds.add(round);
        }
    }
}
