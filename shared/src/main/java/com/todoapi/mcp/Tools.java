package com.todoapi.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.agent.Toolbox;
import com.todoapi.json.Json;

import java.util.Map;

/** {@code tools/list} and {@code tools/call}, the same in both eras but for the envelope. */
final class Tools {
    private static final TypeReference<Map<String, Object>> ARGUMENTS = new TypeReference<>() {
    };

    private Tools() {
    }

    static ObjectNode list(RpcMessage message, Toolbox tools) {
        if (message.params().has("cursor") && !message.params().get("cursor").isNull()) {
            // The five tools fit one page: no cursor was ever issued, so none is valid.
            throw RpcError.invalidParams(200, "Invalid cursor: this server's tool list has one page");
        }
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.set("tools", ToolCatalog.definitions(tools.specs()));
        return result;
    }

    static ObjectNode call(RpcMessage message, Toolbox tools) {
        JsonNode name = message.params().get("name");
        if (name == null || !name.isTextual()) {
            throw RpcError.invalidParams(200, "params.name must be the name of a tool");
        }
        if (tools.specs().stream().noneMatch(spec -> spec.name().equals(name.asText()))) {
            throw RpcError.invalidParams(200, "Unknown tool: " + name.asText());
        }
        JsonNode arguments = message.params().get("arguments");
        if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
            throw RpcError.invalidParams(200, "params.arguments must be a JSON object");
        }
        Map<String, Object> args = arguments == null || arguments.isNull() ? Map.of()
                : Json.MAPPER.convertValue(arguments, ARGUMENTS);
        return ToolResults.of(tools.call(name.asText(), args));
    }
}
