package com.todoapi.agent.builtin;

import com.todoapi.agent.AgentReply;
import com.todoapi.agent.ChatMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether the person has been told, in this conversation, that their times are read in UTC
 * because they set no time zone. Said once: the rolling summary keeps a line saying it was said,
 * moved to the end each turn so it outlives the lines about tasks.
 */
final class ZoneNote {
    static final String SUMMARY_LINE = "told: times are in UTC until a time zone is set";
    /** What the note says in every language, so a reply still in the window also counts. */
    private static final String IN_THE_REPLY = "PATCH /v1/me";

    private ZoneNote() {
    }

    static boolean alreadyGiven(String summary, List<ChatMessage> history) {
        return Arrays.stream(summary.split("\\R")).anyMatch(line -> line.strip().equals(SUMMARY_LINE))
                || history.stream().anyMatch(message -> message.role() == ChatMessage.Role.ASSISTANT
                && message.content().contains(IN_THE_REPLY));
    }

    /** The summary with the line last, the oldest other lines dropped if it would not fit. */
    static String remembered(String summary) {
        List<String> lines = new ArrayList<>(Arrays.stream(summary.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty() && !line.equals(SUMMARY_LINE)).toList());
        lines.add(SUMMARY_LINE);
        while (lines.size() > 1 && String.join("\n", lines).length() > AgentReply.MAX_SUMMARY_CHARS) {
            lines.remove(0);
        }
        return String.join("\n", lines);
    }
}
