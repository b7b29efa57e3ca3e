package com.todoapi.agent.model;

import com.todoapi.agent.ModelRound;
import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.Usage;
import com.todoapi.agent.ToolResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.todoapi.agent.ToolCall;
import com.todoapi.json.Json;

import java.util.List;

/**
 * A turn's saved rounds as one JSON text, as a journal keeps them on the pending reply. The
 * stored shape is this class's own records, so renaming a method of {@link ModelRound} cannot
 * change what is stored.
 */
public final class ModelRounds {
    private static final TypeReference<List<StoredRound>> ROUNDS = new TypeReference<>() {
    };

    private record StoredCall(String id, String tool, String arguments) {
    }

    private record StoredResult(String callId, String content, boolean error) {
    }

    private record StoredRound(int number, String text, List<StoredCall> calls, String model, long inputTokens,
                               long outputTokens, String stopReason, List<StoredResult> results,
                               List<ToolCall> recorded) {
    }

    private ModelRounds() {
    }

    public static String encode(List<ModelRound> rounds) {
        List<StoredRound> stored = rounds.stream().map(ModelRounds::stored).toList();
        try {
            return Json.MAPPER.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The turn's rounds could not be written", e);
        }
    }

    public static List<ModelRound> decode(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(text, ROUNDS).stream().map(ModelRounds::round).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The turn's saved rounds could not be read", e);
        }
    }

    private static StoredRound stored(ModelRound round) {
        ModelAnswer answer = round.answer();
        return new StoredRound(round.number(), answer.text(),
                answer.calls().stream().map(c -> new StoredCall(c.id(), c.tool(), c.arguments())).toList(),
                answer.usage().model(), answer.usage().inputTokens(), answer.usage().outputTokens(),
                answer.stopReason(),
                round.results().stream().map(r -> new StoredResult(r.callId(), r.content(), r.error())).toList(),
                round.recorded());
    }

    private static ModelRound round(StoredRound s) {
        ModelAnswer answer = new ModelAnswer(s.text(),
                s.calls().stream().map(c -> new RequestedCall(c.id(), c.tool(), c.arguments())).toList(),
                new Usage(s.model() == null ? "" : s.model(), s.inputTokens(), s.outputTokens()), s.stopReason());
        return new ModelRound(s.number(), answer,
                s.results().stream().map(r -> new ToolResult(r.callId(), r.content(), r.error())).toList(),
                s.recorded());
    }
}
