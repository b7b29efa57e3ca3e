package com.todoapi.agent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the agent sees of a conversation on one turn: whose it is, the rolling summary of
 * everything older than the window (empty at first), the most recent earlier messages oldest
 * first (a bounded window, so a turn costs the same at message 1,000 as at 10), the message to
 * answer, and when the turn must be done by (the worker's time, less what writing the reply takes).
 */
public record AgentTurn(String userId, String summary, List<ChatMessage> history, String userMessage,
                        Optional<Instant> deadline) {

    public AgentTurn {
        userId = userId == null ? "" : userId;
        summary = summary == null ? "" : summary;
        history = List.copyOf(history);
        deadline = deadline == null ? Optional.empty() : deadline;
    }

    /** A turn of nobody in particular, with no deadline: what tests of an agent's words need. */
    public AgentTurn(String summary, List<ChatMessage> history, String userMessage) {
        this("", summary, history, userMessage, Optional.empty());
    }
}
