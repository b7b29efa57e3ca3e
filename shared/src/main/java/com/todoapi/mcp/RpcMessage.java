package com.todoapi.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.json.Json;

/**
 * One JSON-RPC 2.0 message as MCP allows it: a request (an id that is a string or an integer,
 * never null), a notification (no id), or a client's response to the server (which this server
 * never asks for, and accepts and ignores).
 */
record RpcMessage(JsonNode id, String method, ObjectNode params, Kind kind) {
    static final String META = "_meta";

    enum Kind { REQUEST, NOTIFICATION, RESPONSE }

    boolean isRequest() {
        return kind == Kind.REQUEST;
    }

    /** {@code params._meta[key]} as text, or null when it is absent or not a string. */
    String meta(String key) {
        JsonNode value = params.path(META).path(key);
        return value.isTextual() ? value.asText() : null;
    }

    boolean hasMeta(String key) {
        return params.path(META).has(key);
    }

    JsonNode metaValue(String key) {
        return params.path(META).path(key);
    }

    static RpcMessage parse(JsonNode node) {
        if (!node.isObject()) {
            throw RpcError.invalidRequest("A JSON-RPC message must be a JSON object");
        }
        if (!"2.0".equals(node.path("jsonrpc").textValue())) {
            throw RpcError.invalidRequest("\"jsonrpc\" must be \"2.0\"");
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isTextual() && !id.canConvertToLong()) {
            throw RpcError.invalidRequest("\"id\" must be a string or an integer (MCP allows no null id)");
        }
        if (id != null && id.isNumber() && !id.isIntegralNumber()) {
            throw RpcError.invalidRequest("\"id\" must be a string or an integer (MCP allows no null id)");
        }
        JsonNode method = node.get("method");
        if (method == null) {
            if (id != null && (node.has("result") || node.has("error"))) {
                return new RpcMessage(id, null, Json.MAPPER.createObjectNode(), Kind.RESPONSE);
            }
            throw new RpcError(400, RpcError.INVALID_REQUEST, "A request needs a \"method\"", null);
        }
        if (!method.isTextual() || method.asText().isEmpty()) {
            throw RpcError.invalidRequest("\"method\" must be a non-empty string");
        }
        JsonNode params = node.get("params");
        ObjectNode paramsObject;
        if (params == null || params.isNull()) {
            paramsObject = Json.MAPPER.createObjectNode();
        } else if (params.isObject()) {
            paramsObject = (ObjectNode) params;
        } else {
            throw RpcError.invalidParams(400, "\"params\" must be a JSON object");
        }
        if (paramsObject.has(META) && !paramsObject.get(META).isObject()) {
            throw RpcError.invalidParams(400, "\"params._meta\" must be a JSON object");
        }
        return new RpcMessage(id, method.asText(), paramsObject, id == null ? Kind.NOTIFICATION : Kind.REQUEST);
    }
}
