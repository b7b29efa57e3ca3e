package com.todoapi.agent.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the model is told of the conversation beyond the window: the newest summary lines, bounded. */
class SystemPromptTest {

    @Test
    void noSummaryIsTheInstructionsAlone() {
        assertThat(SystemPrompt.with("  ")).isEqualTo(SystemPrompt.INSTRUCTIONS);
    }

    @Test
    void aShortSummaryGoesWhole() {
        assertThat(SystemPrompt.with("Added task 1 \"Milk\"")).endsWith("(oldest first):\nAdded task 1 \"Milk\"");
    }

    @Test
    void aFullSummaryGivesItsNewestWholeLinesWithinTheBound() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            lines.add("Added task " + i + " \"Errand number " + i + "\"");
        }
        String summary = String.join("\n", lines);
        assertThat(summary.length()).isGreaterThan(SystemPrompt.SUMMARY_CHARS * 2);

        String kept = SystemPrompt.newestLines(summary);

        assertThat(kept.length()).isLessThanOrEqualTo(SystemPrompt.SUMMARY_CHARS).isGreaterThan(SystemPrompt.SUMMARY_CHARS - 40);
        assertThat(kept).endsWith(lines.getLast()).startsWith("Added task ");
        assertThat(summary).endsWith(kept);
        assertThat(summary.charAt(summary.length() - kept.length() - 1)).as("cut at a line's start").isEqualTo('\n');
    }
}
