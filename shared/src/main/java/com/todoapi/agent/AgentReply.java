package com.todoapi.agent;

/**
 * The assistant's answer, and the conversation's new rolling summary (what the agent wants to
 * remember of this turn once it has left the window; bounded by {@link #MAX_SUMMARY_CHARS}).
 */
public record AgentReply(String content, String summary) {
    public static final int MAX_SUMMARY_CHARS = 2_000;

    public AgentReply {
        summary = summary == null ? "" : summary;
        if (summary.length() > MAX_SUMMARY_CHARS) {
            summary = summary.substring(summary.length() - MAX_SUMMARY_CHARS);
        }
    }
}
