package com.todoapi.e2e;

import com.todoapi.agent.AgentReply;
import com.todoapi.agent.ToolOutcome;
import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;
import com.todoapi.e2e.CompletionsTranscript.MadeCall;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An agent run again from the start of its turn, over the calls the turn has already made: its
 * i-th call gets the result the i-th call got, and the first call beyond them stops it, since
 * that call is the model's next answer. An agent is expected to be deterministic: one that asks
 * for a different tool than it did the first time fails loudly rather than mixing up results.
 */
final class ReplayedTurn {

    /** How the run ended: the agent's reply, or the new call it wants. */
    sealed interface Ending {
    }

    record Finished(String text) implements Ending {
    }

    /** The {@code index}-th call of the turn (from 0), not made yet. */
    record WantsCall(int index, String tool, Map<String, Object> args) implements Ending {
    }

    private ReplayedTurn() {
    }

    static Ending run(List<MadeCall> made, Function<Toolbox, AgentReply> agent) {
        Replay replay = new Replay(made);
        AgentReply reply;
        try {
            reply = agent.apply(replay);
        } catch (NewCall stop) {
            return stop.call;
        }
        if (replay.next < made.size()) {
            throw new IllegalStateException("The agent finished after " + replay.next + " calls; the turn has made "
                    + made.size());
        }
        return new Finished(reply.content());
    }

    private static final class Replay implements Toolbox {
        private final List<MadeCall> made;
        private int next;

        Replay(List<MadeCall> made) {
            this.made = made;
        }

        /** The rules know the tools by name; only a model needs their schemas. */
        @Override
        public List<ToolSpec> specs() {
            return List.of();
        }

        @Override
        public ToolOutcome call(String tool, Map<String, Object> args) {
            if (next == made.size()) {
                throw new NewCall(new WantsCall(next, tool, args));
            }
            MadeCall call = made.get(next++);
            if (!call.tool().equals(tool)) {
                throw new IllegalStateException("Call " + next + " of the turn was " + call.tool()
                        + ", and the agent now asks for " + tool);
            }
            return call.outcome();
        }
    }

    /** Stops the agent at its first new call; not an error, so it carries no stack trace. */
    private static final class NewCall extends RuntimeException {
        final WantsCall call;

        NewCall(WantsCall call) {
            super(null, null, false, false);
            this.call = call;
        }
    }
}
