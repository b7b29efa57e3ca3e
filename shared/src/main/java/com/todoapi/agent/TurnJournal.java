package com.todoapi.agent;

import java.util.List;

/**
 * Where a model turn keeps its rounds while the reply is pending, so that a run cut short resumes
 * where it stopped: no saved answer is asked of the model again, and the tools of a saved round
 * are not run again (their effects are keyed besides, by reply and position).
 */
public interface TurnJournal {

    /** The rounds saved so far, in order. */
    List<ModelRound> rounds();

    /**
     * Saves {@code round} (a new one, or the last one with its results), only if nothing else
     * saved a round since {@link #rounds()} was read; otherwise throws
     * {@link CheckpointConflict}: another run of the same job is ahead, and this one must stop.
     */
    void save(ModelRound round);

    /** For turns that need no memory between runs (tests, the built-in agent). */
    static TurnJournal inMemory() {
        return new InMemoryTurnJournal();
    }

    final class CheckpointConflict extends RuntimeException {
        public CheckpointConflict(String message) {
            super(message);
        }
    }
}
