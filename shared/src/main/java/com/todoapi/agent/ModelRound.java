package com.todoapi.agent;

import com.todoapi.agent.ToolCall;

import java.util.List;

/**
 * One round of a model turn as it is checkpointed on the pending reply: the model's answer, then,
 * once they ran, the results of the calls it asked for (as the model reads them, and as the reply
 * records them). A round with calls and no results yet was saved between the model call and the tools.
 */
public record ModelRound(int number, ModelAnswer answer, List<ToolResult> results, List<ToolCall> recorded) {

    public ModelRound {
        results = List.copyOf(results);
        recorded = List.copyOf(recorded);
    }

    public static ModelRound asked(int number, ModelAnswer answer) {
        return new ModelRound(number, answer, List.of(), List.of());
    }

    public ModelRound withResults(List<ToolResult> results, List<ToolCall> recorded) {
        return new ModelRound(number, answer, results, recorded);
    }

    /** The model asked for nothing more: its text is the reply. */
    public boolean isFinal() {
        return answer.calls().isEmpty();
    }

    public boolean toolsRan() {
        return isFinal() || !results.isEmpty();
    }
}
