package com.todoapi.mcp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The 2026-07-28 transport's request headers that mirror the body, checked against it: a proxy
 * that routes on {@code Mcp-Method} or {@code Mcp-Name} must see what the server executes.
 * {@code Mcp-Name} may carry its value as {@code =?base64?...?=}, decoded before the comparison.
 */
final class RoutingHeaders {
    static final String METHOD = "mcp-method";
    static final String NAME = "mcp-name";
    private static final String SENTINEL_START = "=?base64?";
    private static final String SENTINEL_END = "?=";

    private RoutingHeaders() {
    }

    static void check(McpPost post, RpcMessage message) {
        String method = post.header(METHOD)
                .orElseThrow(() -> RpcError.headerMismatch("the Mcp-Method header is required"));
        requireHeaderSafe("Mcp-Method", method);
        if (!method.equals(message.method())) {
            throw RpcError.headerMismatch("Mcp-Method header value '" + method + "' does not match body value '"
                    + message.method() + "'");
        }
        String nameSource = switch (message.method()) {
            case "tools/call", "prompts/get" -> "name";
            case "resources/read" -> "uri";
            default -> null;
        };
        if (nameSource == null) {
            return;
        }
        String raw = post.header(NAME).orElseThrow(() -> RpcError.headerMismatch("the Mcp-Name header is required for "
                + message.method()));
        String name = decoded(raw);
        String bodyValue = message.params().path(nameSource).textValue();
        if (!name.equals(bodyValue)) {
            throw RpcError.headerMismatch("Mcp-Name header value does not match body value of params." + nameSource);
        }
    }

    /** A plain value as is; {@code =?base64?...?=} as the UTF-8 text it encodes. */
    static String decoded(String raw) {
        requireHeaderSafe("Mcp-Name", raw);
        if (!raw.startsWith(SENTINEL_START) || !raw.endsWith(SENTINEL_END)
                || raw.length() < SENTINEL_START.length() + SENTINEL_END.length()) {
            return raw;
        }
        String encoded = raw.substring(SENTINEL_START.length(), raw.length() - SENTINEL_END.length());
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw RpcError.headerMismatch("the Mcp-Name header's base64 value cannot be decoded");
        }
    }

    /** RFC 9110 field values: visible ASCII, space and tab only. */
    private static void requireHeaderSafe(String header, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                throw RpcError.headerMismatch("the " + header + " header contains characters a header value cannot hold");
            }
        }
    }
}
