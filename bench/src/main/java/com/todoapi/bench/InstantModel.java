package com.todoapi.bench;

import com.todoapi.agent.Toolbox;
import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.model.ModelClient;
import com.todoapi.agent.model.ModelRequest;
import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.Usage;

import java.util.ArrayList;
import java.util.List;

/**
 * A model that answers at once, in three rounds per turn: add a task; add another and complete
 * the first; then the reply. Its answers are made once, so a turn's time is the loop's alone.
 * It keeps the requests of the turn it answered last.
 */
final class InstantModel implements ModelClient {
    static final String MODEL = "bench-instant";
    static final List<ModelAnswer> ROUNDS = List.of(
            new ModelAnswer("", List.of(new RequestedCall("call_a1", Toolbox.ADD_TASK, "{\"title\":\"Milk\"}")),
                    new Usage(MODEL, 1_400, 12), "tool_calls"),
            new ModelAnswer("", List.of(new RequestedCall("call_b1", Toolbox.ADD_TASK, "{\"title\":\"Call mom\"}"),
                    new RequestedCall("call_b2", Toolbox.COMPLETE_TASK, "{\"task_id\":1}")),
                    new Usage(MODEL, 1_480, 24), "tool_calls"),
            new ModelAnswer("Added task 7 \"Milk\" and task 8 \"Call mom\", and completed task 1 \"Milk\".", List.of(),
                    new Usage(MODEL, 1_560, 20), "stop"));

    private int asked;
    private List<ModelRequest> lastTurn = new ArrayList<>();

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public ModelAnswer complete(ModelRequest request) {
        int round = asked++ % ROUNDS.size();
        if (round == 0) {
            lastTurn = new ArrayList<>();
        }
        lastTurn.add(request);
        return ROUNDS.get(round);
    }

    /** The requests of the last turn, in order. */
    List<ModelRequest> lastTurn() {
        return List.copyOf(lastTurn);
    }
}
