package com.todoapi.mcp;

import java.util.List;

/**
 * The MCP revisions this server speaks. {@link #MODERN} is stateless: every request carries its
 * version and the client's capabilities in {@code _meta}. The others are the handshake era
 * ({@code initialize}), which a stateless server can serve too because it keeps nothing between
 * requests: each request is answered from its own headers and body.
 */
public final class ProtocolVersions {
    public static final String MODERN = "2026-07-28";
    /** What a request without an {@code MCP-Protocol-Version} header speaks (2025-06-18 transport rules). */
    public static final String UNDECLARED = "2025-03-26";
    private static final String NEWEST_HANDSHAKE_ERA = "2025-11-25";

    private ProtocolVersions() {
    }

    /** Newest first, as {@code server/discover} and the unsupported-version error list them. */
    public static List<String> supported() {
        return List.of(MODERN, NEWEST_HANDSHAKE_ERA, "2025-06-18", UNDECLARED);
    }

    public static boolean isSupported(String version) {
        return supported().contains(version);
    }

    public static boolean isHandshakeEra(String version) {
        return isSupported(version) && !MODERN.equals(version);
    }

    /** {@code initialize}'s answer: the client's version when it is one of the handshake era, else the newest of it. */
    public static String forInitialize(String requested) {
        return isHandshakeEra(requested) ? requested : NEWEST_HANDSHAKE_ERA;
    }

    /** JSON-RPC batches exist only in 2025-03-26; later revisions removed them. */
    public static boolean allowsBatches(String version) {
        return UNDECLARED.equals(version);
    }
}
