package com.todoapi.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.json.Json;

/** Who this server is and what it offers, as {@code initialize} and {@code server/discover} say. */
final class ServerIdentity {
    static final String NAME = "todo-api";
    static final String VERSION = "1.0.0";

    private ServerIdentity() {
    }

    static ObjectNode serverInfo() {
        ObjectNode info = Json.MAPPER.createObjectNode();
        info.put("name", NAME);
        info.put("title", "Todo list");
        info.put("version", VERSION);
        return info;
    }

    /** Tools only; their list never changes while a client is connected, so no list_changed notices. */
    static ObjectNode capabilities() {
        ObjectNode capabilities = Json.MAPPER.createObjectNode();
        capabilities.putObject("tools").put("listChanged", false);
        return capabilities;
    }
}
