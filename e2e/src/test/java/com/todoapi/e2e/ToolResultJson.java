package com.todoapi.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.agent.ToolOutcome;
import com.todoapi.json.Json;

/**
 * A tool message's content read back into the outcome the tool gave: {@code {"error": "..."}} is
 * a tool error, anything else the result as the tools return it (maps, lists, numbers).
 */
final class ToolResultJson {

    private ToolResultJson() {
    }

    static ToolOutcome outcome(String content) {
        JsonNode result;
        try {
            result = Json.MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            return ToolOutcome.error("the tool's result is not JSON");
        }
        if (result.isObject() && result.size() == 1 && result.path("error").isTextual()) {
            return ToolOutcome.error(result.get("error").asText());
        }
        // A list too long for the prompt comes as its first items and a note (ToolResultText): the rules
        // read the items, which is all a model would see of it too.
        if (result.isObject() && result.path("items").isArray() && result.has("note")) {
            result = result.get("items");
        }
        return ToolOutcome.ok(Json.MAPPER.convertValue(result, Object.class));
    }
}
