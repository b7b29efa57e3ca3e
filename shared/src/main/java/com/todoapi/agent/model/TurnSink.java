package com.todoapi.agent.model;

import com.todoapi.agent.ReplySink;
import com.todoapi.agent.ToolCall;

/**
 * The sink of one model turn, remembering the text told since the last restart, so that a new
 * round starts the text over only when something was told, and the turn can end with the told
 * text equal to the reply (a fallback, a cut, or a saved answer told whole).
 *
 * <p>The stored reply is the model's text stripped, so whitespace is told as the reply will have
 * it: none before the first visible character, and whitespace held back until something visible
 * follows it. Otherwise a model that opens with a newline (many do) would see its whole streamed
 * text replaced by the reply told again at the end.
 */
final class TurnSink implements ReplySink {
    private final ReplySink sink;
    private final StringBuilder told = new StringBuilder();
    private final StringBuilder heldWhitespace = new StringBuilder();

    TurnSink(ReplySink sink) {
        this.sink = sink;
    }

    @Override
    public void text(String delta) {
        String text = told.isEmpty() ? delta.stripLeading() : delta;
        int visibleEnd = text.length();
        while (visibleEnd > 0 && Character.isWhitespace(text.charAt(visibleEnd - 1))) {
            visibleEnd--;
        }
        if (visibleEnd == 0) {
            heldWhitespace.append(text);
            return;
        }
        String out = heldWhitespace + text.substring(0, visibleEnd);
        heldWhitespace.setLength(0);
        heldWhitespace.append(text, visibleEnd, text.length());
        told.append(out);
        sink.text(out);
    }

    @Override
    public void toolFinished(ToolCall call) {
        sink.toolFinished(call);
    }

    @Override
    public void restart() {
        told.setLength(0);
        heldWhitespace.setLength(0);
        sink.restart();
    }

    /** Starts the text over if any was told: a round with tool calls, its text not the reply. */
    void startOver() {
        if (!told.isEmpty()) {
            restart();
        }
    }

    /** Ends with the told text equal to {@code reply}: told whole if it differs from what was streamed. */
    void finish(String reply) {
        if (told.toString().equals(reply)) {
            return;
        }
        startOver();
        if (!reply.isEmpty()) {
            text(reply);
        }
    }
}
