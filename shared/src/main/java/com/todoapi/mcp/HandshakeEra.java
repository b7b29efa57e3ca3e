package com.todoapi.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.agent.Toolbox;
import com.todoapi.json.Json;

/**
 * The revisions with an {@code initialize} handshake (2025-03-26, 2025-06-18, 2025-11-25), served
 * without a session: {@code initialize} is a pure function of its request, and every later request
 * stands on its own. Results carry no {@code resultType}, which those revisions do not define.
 */
final class HandshakeEra {
    private HandshakeEra() {
    }

    static JsonNode initialize(RpcMessage message, String instructions) {
        JsonNode requested = message.params().get("protocolVersion");
        if (requested == null || !requested.isTextual()) {
            throw RpcError.invalidParams(400, "initialize needs params.protocolVersion, a string");
        }
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.put("protocolVersion", ProtocolVersions.forInitialize(requested.asText()));
        result.set("capabilities", ServerIdentity.capabilities());
        result.set("serverInfo", ServerIdentity.serverInfo());
        result.put("instructions", instructions);
        return result;
    }

    static JsonNode answer(RpcMessage message, Toolbox tools, String instructions) {
        return switch (message.method()) {
            case "initialize" -> initialize(message, instructions);
            case "ping" -> Json.MAPPER.createObjectNode();
            case "tools/list" -> Tools.list(message, tools);
            case "tools/call" -> Tools.call(message, tools);
            default -> throw new RpcError(200, RpcError.METHOD_NOT_FOUND, "Method not found: " + message.method());
        };
    }
}
