package com.todoapi.bench;

import com.todoapi.agent.model.ModelRound;
import com.todoapi.agent.model.ModelRounds;
import com.todoapi.agent.model.TurnJournal;

import java.util.ArrayList;
import java.util.List;

/**
 * A journal in memory that writes every save's rounds as JSON, as the table's journal
 * (DynamoTurnJournal) sends them with each checkpoint: its own work without the call.
 */
final class EncodingJournal implements TurnJournal {
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
        ModelRounds.encode(rounds);
    }
}
