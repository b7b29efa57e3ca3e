package com.todoapi.mcp;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC error and the HTTP status it is sent with. Codes: JSON-RPC's own (-32700, -32600
 * to -32603), MCP's (-32020 to -32022), and the server's own outside the reserved range (-31xxx,
 * each named after the HTTP status it goes with).
 */
public final class RpcError extends RuntimeException {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    public static final int HEADER_MISMATCH = -32020;
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;
    public static final int UNAUTHORIZED = -31401;
    public static final int FORBIDDEN_ORIGIN = -31403;
    /** The same 403 code: an API key without the scope a tool needs (the message and data say which). */
    public static final int INSUFFICIENT_SCOPE = -31403;
    public static final int METHOD_NOT_ALLOWED = -31405;
    public static final int TOO_LARGE = -31413;
    public static final int RATE_LIMITED = -31429;
    public static final int UNAVAILABLE = -31503;

    private final int httpStatus;
    private final int code;
    private final transient JsonNode data;

    public RpcError(int httpStatus, int code, String message, JsonNode data) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.data = data;
    }

    public RpcError(int httpStatus, int code, String message) {
        this(httpStatus, code, message, null);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    /** The error's {@code data} member, or null for none. */
    public JsonNode data() {
        return data;
    }

    static RpcError invalidRequest(String message) {
        return new RpcError(400, INVALID_REQUEST, message);
    }

    static RpcError invalidParams(int httpStatus, String message) {
        return new RpcError(httpStatus, INVALID_PARAMS, message);
    }

    static RpcError headerMismatch(String message) {
        return new RpcError(400, HEADER_MISMATCH, "Header mismatch: " + message);
    }
}
