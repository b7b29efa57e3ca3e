package com.todoapi.bench;

import com.todoapi.agent.AgentReply;
import com.todoapi.agent.AgentTurn;
import com.todoapi.agent.ToolCall;
import com.todoapi.agent.model.ModelAgent;
import com.todoapi.agent.model.ModelRequest;
import com.todoapi.agent.model.ModelSettings;
import com.todoapi.agent.model.TokenBudget;
import com.todoapi.agent.TurnJournal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The model loop's own time per turn, in this JVM: a three-round turn of {@link ModelAgent} with a
 * model that answers at once ({@link InstantModel}) and tools that answer a fixed result at once
 * ({@link FixedTools}, the real specs), so every nanosecond is the loop's: the prompt built from a
 * full window and summary, each call's arguments checked against its tool's schema, results
 * capped, rounds journaled. Warmed up, then timed turn by turn.
 */
final class ModelLoopTime {
    /** The settings Agents gives a model agent by default (the template's MODEL_MAX_OUTPUT_TOKENS, no temperature). */
    static final ModelSettings SETTINGS = new ModelSettings(1_024, OptionalDouble.empty(), Duration.ofSeconds(20),
            ModelSettings.DEFAULT_MAX_ROUNDS);
    static final String MESSAGE = "Add milk and call mom, and tick off milk";

    record Result(String journal, double p50Millis, double p99Millis) {
    }

    private final InstantModel model = new InstantModel();
    private final ModelAgent agent = new ModelAgent(model, SETTINGS, TokenBudget.unlimited(), Clock.systemUTC());
    private final FixedTools tools = new FixedTools();

    /** A turn with a full window (four exchanges, each with its add_task call) and a full rolling summary. */
    static AgentTurn sampleTurn() {
        return new AgentTurn("bench", Errands.summaryAfter(200), Errands.window(4), MESSAGE, Optional.empty());
    }

    List<Result> measure(int warmUp, int turns) {
        AgentTurn turn = sampleTurn();
        Supplier<TurnJournal> inMemory = TurnJournal::inMemory;
        Supplier<TurnJournal> encoding = EncodingJournal::new;
        check(agent.respond(turn, tools, inMemory.get()));
        // Both warmed before either is timed, so the code they share is compiled for both alike.
        run(turn, inMemory, warmUp);
        run(turn, encoding, warmUp);
        return List.of(timed("in memory", turn, inMemory, turns),
                timed("in memory, each save's rounds written as JSON (as the table's journal sends them)", turn,
                        encoding, turns));
    }

    /** The requests the loop made in its last turn: what a provider's client is given to send. */
    List<ModelRequest> lastRequests() {
        return model.lastTurn();
    }

    private Result timed(String journal, AgentTurn turn, Supplier<TurnJournal> journals, int turns) {
        System.gc();
        double[] millis = new double[turns];
        for (int i = 0; i < turns; i++) {
            TurnJournal fresh = journals.get();
            long started = System.nanoTime();
            agent.respond(turn, tools, fresh);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return new Result(journal, Stats.percentile(millis, 50), Stats.percentile(millis, 99));
    }

    private void run(AgentTurn turn, Supplier<TurnJournal> journals, int times) {
        for (int i = 0; i < times; i++) {
            agent.respond(turn, tools, journals.get());
        }
    }

    private static void check(AgentReply reply) {
        boolean asScripted = reply.content().equals(InstantModel.ROUNDS.getLast().text())
                && reply.toolCalls().map(List::size).orElse(0) == 3
                && reply.toolCalls().get().stream().noneMatch(ToolCall::failed)
                && reply.usage().map(u -> u.modelCalls() == 3).orElse(false);
        if (!asScripted) {
            throw new IllegalStateException("The loop did not take the scripted three rounds: " + reply);
        }
    }
}
