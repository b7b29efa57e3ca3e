package com.todoapi.agent;

import java.util.List;
import java.util.Optional;

/**
 * The assistant's answer, and the conversation's new rolling summary (what the agent wants to
 * remember of this turn once it has left the window; bounded by {@link #MAX_SUMMARY_CHARS}).
 * A model agent also says which tool calls the reply made (its rounds may have run in earlier
 * attempts of the job, so the toolbox of this one has not seen them all) and what the model used.
 */
public record AgentReply(String content, String summary, Optional<List<ToolCall>> toolCalls,
                         Optional<ReplyUsage> usage) {
    public static final int MAX_SUMMARY_CHARS = 2_000;

    public AgentReply {
        summary = summary == null ? "" : summary;
        if (summary.length() > MAX_SUMMARY_CHARS) {
            summary = summary.substring(summary.length() - MAX_SUMMARY_CHARS);
        }
        toolCalls = toolCalls == null ? Optional.empty() : toolCalls.map(List::copyOf);
        usage = usage == null ? Optional.empty() : usage;
    }

    /** A reply whose tool calls are those its toolbox recorded, made with no model. */
    public AgentReply(String content, String summary) {
        this(content, summary, Optional.empty(), Optional.empty());
    }
}
