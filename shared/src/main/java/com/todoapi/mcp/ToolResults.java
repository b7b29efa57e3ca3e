package com.todoapi.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.agent.ToolOutcome;
import com.todoapi.json.Json;

import java.util.List;

/**
 * A tool's outcome as an MCP tool result: the structured result beside its JSON as text (for
 * clients that read only text), or, for a tool error such as a missing task, the error's words
 * with {@code isError: true}, which the client's model can read and act on.
 */
final class ToolResults {
    private ToolResults() {
    }

    static ObjectNode of(ToolOutcome outcome) {
        ObjectNode result = Json.MAPPER.createObjectNode();
        if (!outcome.succeeded()) {
            text(result, outcome.error());
            result.put("isError", true);
            return result;
        }
        JsonNode structured = structured(outcome.result());
        text(result, write(structured));
        result.set("structuredContent", structured);
        result.put("isError", false);
        return result;
    }

    private static JsonNode structured(Object value) {
        if (value instanceof List<?> list) {
            ObjectNode wrapped = Json.MAPPER.createObjectNode();
            wrapped.set(ToolCatalog.LIST_MEMBER, Json.MAPPER.valueToTree(list));
            return wrapped;
        }
        return Json.MAPPER.valueToTree(value);
    }

    private static void text(ObjectNode result, String text) {
        result.putArray("content").addObject().put("type", "text").put("text", text);
    }

    private static String write(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
