package com.todoapi.agent.memory;

import com.todoapi.agent.AgentReply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the conversation remembers once its messages have left the window: short lines of facts,
 * newest last, the oldest dropped to stay within {@link AgentReply#MAX_SUMMARY_CHARS}.
 */
public final class RollingSummary {
    private final List<String> lines;

    private RollingSummary(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    public static RollingSummary parse(String text) {
        String summary = text == null ? "" : text;
        return new RollingSummary(Arrays.stream(summary.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList());
    }

    public RollingSummary plus(List<TaskFact> facts) {
        List<String> kept = new ArrayList<>(lines);
        facts.forEach(fact -> kept.add(fact.line()));
        int length = joinedLength(kept);
        while (length > AgentReply.MAX_SUMMARY_CHARS) {
            String oldest = kept.remove(0);
            length -= oldest.length() + (kept.isEmpty() ? 0 : 1);
        }
        return new RollingSummary(kept);
    }

    public String text() {
        return String.join("\n", lines);
    }

    public Optional<TaskFact> lastAdded() {
        return newestFirst().stream().filter(fact -> fact.kind() == TaskFact.Kind.ADDED).findFirst();
    }

    /** The added lines, oldest first. */
    public List<TaskFact> added() {
        return newestFirst().reversed().stream().filter(fact -> fact.kind() == TaskFact.Kind.ADDED).toList();
    }

    public Optional<TaskFact> lastFact() {
        return newestFirst().stream().findFirst();
    }

    private List<TaskFact> newestFirst() {
        return lines.reversed().stream().flatMap(line -> TaskFact.parse(line).stream()).toList();
    }

    private static int joinedLength(List<String> lines) {
        return lines.stream().mapToInt(String::length).sum() + Math.max(0, lines.size() - 1);
    }
}
