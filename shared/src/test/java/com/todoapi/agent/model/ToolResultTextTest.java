package com.todoapi.agent.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.json.Json;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ToolResultTextTest {

    @Test
    void aLongListKeepsItsFirstItemsAndSaysHowManyItLeftOut() throws Exception {
        String text = ToolResultText.of(PromptWindowTest.tasks(500));

        assertThat(text).hasSizeLessThanOrEqualTo(ToolResultText.MAX_CHARS);
        JsonNode cut = Json.MAPPER.readTree(text);
        assertThat(cut.path("items")).hasSize(ToolResultText.MAX_ITEMS);
        assertThat(cut.path("items").get(0).path("title").asText()).isEqualTo("Task number 1");
        assertThat(cut.path("items").get(49).path("id").asInt()).isEqualTo(50);
        assertThat(cut.path("note").asText()).isEqualTo(
                "showing the first 50 of 500 items; ask for pending or completed tasks to see fewer");
    }

    @Test
    void aListOfBigItemsShowsFewerSoTheResultStaysUnderTheCap() throws Exception {
        List<Map<String, Object>> tasks = PromptWindowTest.tasks(60);
        tasks.forEach(task -> task.put("description", "d".repeat(1_000)));

        String text = ToolResultText.of(tasks);

        assertThat(text).hasSizeLessThanOrEqualTo(ToolResultText.MAX_CHARS);
        JsonNode cut = Json.MAPPER.readTree(text);
        int shown = cut.path("items").size();
        assertThat(shown).isPositive().isLessThan(6);
        assertThat(cut.path("note").asText()).startsWith("showing the first " + shown + " of 60 items");
    }

    @Test
    void aListJustUnderTheCapWithItsNoteStillFits() {
        // 51 items whose first 50 fit alone, but not with the note: the note must not push the result over.
        List<Map<String, Object>> tasks = PromptWindowTest.tasks(51);
        tasks.forEach(task -> task.put("title", "t"));
        int base = Json.MAPPER.valueToTree(tasks.subList(0, 50)).toString().length();
        String pad = "x".repeat((ToolResultText.MAX_CHARS - base - 20) / 50);
        tasks.forEach(task -> task.put("title", "t" + pad));

        assertThat(ToolResultText.of(tasks)).hasSizeLessThanOrEqualTo(ToolResultText.MAX_CHARS);
    }

    @Test
    void aShortListIsTheListItself() {
        assertThat(ToolResultText.of(PromptWindowTest.tasks(2))).isEqualTo(
                "[{\"id\":1,\"title\":\"Task number 1\",\"completed\":false},{\"id\":2,\"title\":\"Task number 2\",\"completed\":false}]");
    }

    @Test
    void aChangedTaskIsItsJson() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task_id", 4);
        result.put("status", "completed");
        result.put("title", "Buy milk");

        assertThat(ToolResultText.of(result)).isEqualTo("{\"task_id\":4,\"status\":\"completed\",\"title\":\"Buy milk\"}");
    }

    @Test
    void aResultTooLongToCutIsReplacedByAnError() {
        assertThat(ToolResultText.of(Map.of("title", "x".repeat(ToolResultText.MAX_CHARS))))
                .isEqualTo("{\"error\":\"the result was too long to show\"}");
    }
}
