package com.todoapi.mcp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.agent.Toolbox;
import com.todoapi.json.Json;

import java.io.IOException;

/**
 * The MCP endpoint as a pure function: one POST (headers and body) and the caller's toolbox in,
 * one answer out. Nothing is kept between requests, so the handshake era is served statelessly
 * too: {@code initialize} is answered and forgotten, and no session id is ever issued.
 *
 * <p>Which revision a request speaks: {@code _meta}'s protocol version when present, else the
 * {@code MCP-Protocol-Version} header, else 2025-03-26 (the header did not exist before
 * 2025-06-18). 2026-07-28 requests get that revision's checks (headers against the body,
 * required {@code _meta}); handshake-era requests get the methods of that era.
 */
public final class McpEndpoint {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final String VERSION_HEADER = "mcp-protocol-version";
    static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    /** The tools change only with a deploy: clients may keep a list for five minutes. */
    static final long CACHE_TTL_MS = 300_000;
    private static final String INSTRUCTIONS = "Manages the signed-in person's todo list. Tasks are numbered from 1 "
            + "per person; list the tasks before acting on one named by its words, and never guess a number.";

    public McpAnswer answer(McpPost post, Toolbox tools) {
        if (post.body().length >= MAX_BODY_BYTES) {
            return error(null, new RpcError(413, RpcError.TOO_LARGE, "A request must be smaller than 64 KiB"));
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(post.body());
        } catch (JacksonException e) {
            return error(null, new RpcError(400, RpcError.PARSE_ERROR, "The body is not valid JSON: "
                    + e.getOriginalMessage()));
        } catch (IOException e) {
            return error(null, new RpcError(400, RpcError.PARSE_ERROR, "The body could not be read"));
        }
        if (body == null || body.isMissingNode()) {
            return error(null, RpcError.invalidRequest("The body must be one JSON-RPC message"));
        }
        if (body.isArray()) {
            return batch(post, (ArrayNode) body, tools);
        }
        return single(post, body, tools);
    }

    private McpAnswer single(McpPost post, JsonNode node, Toolbox tools) {
        RpcMessage message;
        try {
            message = RpcMessage.parse(node);
        } catch (RpcError invalid) {
            return error(readableId(node), invalid);
        }
        if (!message.isRequest()) {
            return McpAnswer.accepted();
        }
        try {
            return new McpAnswer(200, result(message.id(), dispatch(post, message, tools)));
        } catch (RpcError failure) {
            return error(message.id(), failure);
        }
    }

    /** 2025-03-26 alone allows an array of messages; the answer is the array of the requests' answers. */
    private McpAnswer batch(McpPost post, ArrayNode messages, Toolbox tools) {
        String declared = post.header(VERSION_HEADER).orElse(ProtocolVersions.UNDECLARED);
        if (!ProtocolVersions.allowsBatches(declared)) {
            return error(null, RpcError.invalidRequest("Protocol version " + declared
                    + " has no JSON-RPC batches: send one message per request"));
        }
        if (messages.isEmpty()) {
            return error(null, RpcError.invalidRequest("An empty batch holds no message"));
        }
        ArrayNode answers = Json.MAPPER.createArrayNode();
        for (JsonNode message : messages) {
            McpAnswer answer = single(post, message, tools);
            if (answer.hasBody()) {
                answers.add(answer.body());
            }
        }
        return answers.isEmpty() ? McpAnswer.accepted() : new McpAnswer(200, answers);
    }

    private JsonNode dispatch(McpPost post, RpcMessage message, Toolbox tools) {
        String metaVersion = message.meta(META_VERSION);
        if ("initialize".equals(message.method()) && metaVersion == null) {
            return HandshakeEra.initialize(message, INSTRUCTIONS);
        }
        String header = post.header(VERSION_HEADER).orElse(null);
        if (message.hasMeta(META_VERSION) && metaVersion == null) {
            throw RpcError.invalidParams(400, "params._meta[\"" + META_VERSION + "\"] must be a string");
        }
        if (metaVersion != null && !metaVersion.equals(header)) {
            throw RpcError.headerMismatch(header == null ? "the MCP-Protocol-Version header is required"
                    : "MCP-Protocol-Version header value '" + header + "' does not match body value '"
                    + metaVersion + "'");
        }
        String version = metaVersion != null ? metaVersion : header != null ? header : ProtocolVersions.UNDECLARED;
        if (!ProtocolVersions.isSupported(version)) {
            throw unsupported(version);
        }
        if (ProtocolVersions.MODERN.equals(version)) {
            return modern(post, message, tools);
        }
        return HandshakeEra.answer(message, tools, INSTRUCTIONS);
    }

    private JsonNode modern(McpPost post, RpcMessage message, Toolbox tools) {
        if (message.meta(META_VERSION) == null) {
            throw RpcError.invalidParams(400, "A " + ProtocolVersions.MODERN + " request must carry params._meta[\""
                    + META_VERSION + "\"]");
        }
        if (!message.metaValue(META_CAPABILITIES).isObject()) {
            throw RpcError.invalidParams(400, "A " + ProtocolVersions.MODERN + " request must carry params._meta[\""
                    + META_CAPABILITIES + "\"] as an object");
        }
        RoutingHeaders.check(post, message);
        ObjectNode result = switch (message.method()) {
            case "server/discover" -> discover();
            case "tools/list" -> cacheable(Tools.list(message, tools));
            case "tools/call" -> Tools.call(message, tools);
            default -> throw new RpcError(404, RpcError.METHOD_NOT_FOUND, "Method not found: " + message.method());
        };
        ObjectNode complete = Json.MAPPER.createObjectNode();
        complete.put("resultType", "complete");
        complete.setAll(result);
        complete.putObject("_meta").set(META_SERVER_INFO, ServerIdentity.serverInfo());
        return complete;
    }

    private static ObjectNode discover() {
        ObjectNode result = Json.MAPPER.createObjectNode();
        ArrayNode versions = result.putArray("supportedVersions");
        ProtocolVersions.supported().forEach(versions::add);
        result.set("capabilities", ServerIdentity.capabilities());
        result.put("instructions", INSTRUCTIONS);
        return cacheable(result);
    }

    private static ObjectNode cacheable(ObjectNode result) {
        result.put("ttlMs", CACHE_TTL_MS);
        // The same five tools for everyone: the lists hold nobody's data.
        result.put("cacheScope", "public");
        return result;
    }

    private static RpcError unsupported(String requested) {
        ObjectNode data = Json.MAPPER.createObjectNode();
        ArrayNode supported = data.putArray("supported");
        ProtocolVersions.supported().forEach(supported::add);
        data.put("requested", requested);
        return new RpcError(400, RpcError.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version", data);
    }

    private static JsonNode readableId(JsonNode node) {
        JsonNode id = node.isObject() ? node.get("id") : null;
        return id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null;
    }

    private static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id);
        response.set("result", result);
        return response;
    }

    /** An error response; with no id when the request's could not be read, as MCP allows. */
    public static McpAnswer error(JsonNode id, RpcError failure) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("jsonrpc", "2.0");
        if (id != null) {
            response.set("id", id);
        }
        ObjectNode error = response.putObject("error");
        error.put("code", failure.code());
        error.put("message", failure.getMessage());
        if (failure.data() != null) {
            error.set("data", failure.data());
        }
        return new McpAnswer(failure.httpStatus(), response);
    }

    /** For callers that answer before a body is read (authentication, origin): an error with no id. */
    public static McpAnswer error(int httpStatus, int code, String message) {
        return error(null, new RpcError(httpStatus, code, message));
    }
}
