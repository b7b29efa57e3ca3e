package com.todoapi.agent.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.todoapi.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool's result as it goes into the prompt: its JSON, cut so that no result costs more than
 * {@link #MAX_CHARS}. A long list keeps its first items and says how many it left out, so the
 * model can ask for less (list_tasks by status) rather than believe the list is whole.
 */
final class ToolResultText {
    static final int MAX_CHARS = 6_000;
    static final int MAX_ITEMS = 50;

    private ToolResultText() {
    }

    static String of(Object recorded) {
        if (recorded instanceof List<?> items) {
            return list(items);
        }
        String text = json(recorded);
        return text.length() <= MAX_CHARS ? text : json(Map.of("error", "the result was too long to show"));
    }

    private static String list(List<?> items) {
        if (items.size() <= MAX_ITEMS) {
            String whole = json(items);
            if (whole.length() <= MAX_CHARS) {
                return whole;
            }
        }
        int shown = Math.min(items.size(), MAX_ITEMS);
        String text = cut(items, shown);
        while (text.length() > MAX_CHARS && shown > 0) { // the note counts too
            shown = shown / 2;
            text = cut(items, shown);
        }
        return text;
    }

    private static String cut(List<?> items, int shown) {
        Map<String, Object> cut = new LinkedHashMap<>();
        cut.put("items", items.subList(0, shown));
        cut.put("note", "showing the first " + shown + " of " + items.size()
                + " items; ask for pending or completed tasks to see fewer");
        return json(cut);
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tool result could not be written as JSON", e);
        }
    }
}
