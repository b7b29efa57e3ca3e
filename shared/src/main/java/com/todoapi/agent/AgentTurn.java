package com.todoapi.agent;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What the agent sees of a conversation on one turn: whose it is, the rolling summary of
 * everything older than the window (empty at first), the most recent earlier messages oldest
 * first (a bounded window, so a turn costs the same at message 1,000 as at 10), the message to
 * answer, when the turn must be done by (the worker's time, less what writing the reply takes),
 * and the person's time zone (an IANA zone from their profile), empty when they have set none:
 * "today" and "at 5pm" are then read in UTC, and the assistant says so.
 */
public record AgentTurn(String userId, String summary, List<ChatMessage> history, String userMessage,
                        Optional<Instant> deadline, Optional<ZoneId> zone) {

    public AgentTurn {
        userId = userId == null ? "" : userId;
        summary = summary == null ? "" : summary;
        history = List.copyOf(history);
        deadline = deadline == null ? Optional.empty() : deadline;
        zone = zone == null ? Optional.empty() : zone;
    }

    /** A turn of someone who has set no time zone. */
    public AgentTurn(String userId, String summary, List<ChatMessage> history, String userMessage,
                     Optional<Instant> deadline) {
        this(userId, summary, history, userMessage, deadline, Optional.empty());
    }

    /** The same turn in the person's time zone. */
    public AgentTurn inZone(ZoneId zone) {
        return new AgentTurn(userId, summary, history, userMessage, deadline, Optional.of(zone));
    }

    /** A turn of nobody in particular, with no deadline: what tests of an agent's words need. */
    public AgentTurn(String summary, List<ChatMessage> history, String userMessage) {
        this("", summary, history, userMessage, Optional.empty());
    }
}
