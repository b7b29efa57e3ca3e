package com.todoapi.bench;

import com.todoapi.agent.ModelRound;
import com.todoapi.agent.model.ModelRounds;
import com.todoapi.agent.TurnJournal;

import java.util.List;

/**
 * A journal in memory that writes every save's rounds as JSON, as the table's journal
 * (DynamoTurnJournal) sends them with each checkpoint: its own work without the call.
 */
final class EncodingJournal implements TurnJournal {
    private final TurnJournal kept = TurnJournal.inMemory();

    @Override
    public List<ModelRound> rounds() {
        return kept.rounds();
    }

    @Override
    public void save(ModelRound round) {
        kept.save(round);
        ModelRounds.encode(kept.rounds());
    }
}
