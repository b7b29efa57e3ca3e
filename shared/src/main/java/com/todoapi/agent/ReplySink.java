package com.todoapi.agent;

/**
 * Where an agent tells what its reply says while it is being written: the text as it comes, and
 * each tool call once it has run. What a sink receives is a preview, never state: the stored reply
 * is the truth, and it may differ (cut to the message limit, or a fallback text). A sink never
 * throws and never blocks for long, so telling it cannot fail or stall a turn.
 */
public interface ReplySink {

    /** Tells nothing: for turns nobody watches. */
    ReplySink NONE = new ReplySink() {
        @Override
        public void text(String delta) {
        }

        @Override
        public void toolFinished(ToolCall call) {
        }

        @Override
        public void restart() {
        }
    };

    /** The next piece of the reply's text (never null; empty pieces may be ignored). */
    void text(String delta);

    /** A tool call that has run, as it is recorded on the reply. */
    void toolFinished(ToolCall call);

    /**
     * The text told since the last restart is not the reply's beginning after all (a model call
     * retried after part of its answer arrived, or a round of text before tool calls): what
     * follows replaces it.
     */
    void restart();
}
