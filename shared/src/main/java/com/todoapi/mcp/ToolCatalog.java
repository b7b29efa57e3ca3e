package com.todoapi.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.agent.ToolSpec;
import com.todoapi.json.Json;

import java.util.List;

/**
 * The todo tools as MCP tool definitions, from the same specs the chat agent gives a model. A
 * tool whose result is a list (list_tasks) is described, and answered, as {@code {"items": [...]}}:
 * the handshake-era revisions allow only an object as structured content, and one shape serves both eras.
 */
final class ToolCatalog {
    static final String LIST_MEMBER = "items";

    private ToolCatalog() {
    }

    static ArrayNode definitions(List<ToolSpec> specs) {
        ArrayNode tools = Json.MAPPER.createArrayNode();
        for (ToolSpec spec : specs) {
            ObjectNode tool = tools.addObject();
            tool.put("name", spec.name());
            tool.put("title", spec.title());
            tool.put("description", spec.description());
            tool.set("inputSchema", schema(spec.parametersJsonSchema()));
            tool.set("outputSchema", asObjectSchema(schema(spec.resultJsonSchema())));
            ObjectNode annotations = tool.putObject("annotations");
            annotations.put("title", spec.title());
            annotations.put("readOnlyHint", spec.hints().readOnly());
            annotations.put("destructiveHint", spec.hints().destructive());
            annotations.put("idempotentHint", spec.hints().idempotent());
            // Only this person's list in this service's table: no outside world is touched.
            annotations.put("openWorldHint", false);
        }
        return tools;
    }

    private static JsonNode asObjectSchema(JsonNode schema) {
        if ("object".equals(schema.path("type").textValue())) {
            return schema;
        }
        ObjectNode wrapped = Json.MAPPER.createObjectNode();
        wrapped.put("type", "object");
        wrapped.putObject("properties").set(LIST_MEMBER, schema);
        wrapped.putArray("required").add(LIST_MEMBER);
        return wrapped;
    }

    private static JsonNode schema(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tool's schema is not valid JSON", e);
        }
    }
}
