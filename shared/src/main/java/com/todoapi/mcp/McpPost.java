package com.todoapi.mcp;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One POST to the MCP endpoint: its headers (names lower-cased) and its body's bytes. */
public record McpPost(Map<String, String> headers, byte[] body) {

    public McpPost {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
