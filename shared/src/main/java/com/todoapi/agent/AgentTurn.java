package com.todoapi.agent;

import java.util.List;

/**
 * What the agent sees of a conversation on one turn: the rolling summary of everything older
 * than the window (empty at first), the most recent earlier messages oldest first (a bounded
 * window, so a turn costs the same at message 1,000 as at 10), and the message to answer.
 */
public record AgentTurn(String summary, List<ChatMessage> history, String userMessage) {

    public AgentTurn {
        summary = summary == null ? "" : summary;
        history = List.copyOf(history);
    }
}
