package com.todoapi.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/** What the MCP endpoint answers to one POST: an HTTP status and a JSON body, or none (202). */
public record McpAnswer(int status, JsonNode body) {

    static McpAnswer accepted() {
        return new McpAnswer(202, null);
    }

    public boolean hasBody() {
        return body != null;
    }
}
