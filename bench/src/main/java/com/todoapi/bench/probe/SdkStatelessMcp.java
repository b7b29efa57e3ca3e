package com.todoapi.bench.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.todoapi.agent.ToolSpec;
import com.todoapi.chat.TodoTools;
import com.todoapi.metrics.Metrics;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same five tools served by the official MCP Java SDK's stateless sync server
 * ({@code McpServer.sync(McpStatelessServerTransport)}, its default Jackson 2 mapper and schema
 * validator found by ServiceLoader), behind a transport for one API Gateway v2 event: the SDK's
 * servlet transport ({@code HttpServletStatelessServerTransport}) without the servlet, doing what
 * its {@code doPost} does (Accept check, one message deserialized, the handler's Mono blocked on,
 * the response written). The tools are defined from the project's own specs, as a function built
 * on the SDK would do; a call answers a fixed result, only tools/list is timed.
 */
public final class SdkStatelessMcp implements RequestStreamHandler {
    private static final Map<String, String> HEADERS = Map.of("content-type", "application/json");
    private static final TypeRef<Map<String, Object>> OBJECT = new TypeRef<>() {
    };

    private final McpJsonMapper json = McpJsonDefaults.getMapper();
    private final EventTransport transport = new EventTransport(json);
    @SuppressWarnings("unused") // the server registers itself with the transport
    private final McpStatelessSyncServer server;

    public SdkStatelessMcp() throws IOException {
        this.server = McpServer.sync(transport)
                .serverInfo("todo-api", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools(json))
                .build();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        // Read as a map: the SDK's mapper, unlike the project's, fails on the event's fields ApiEvent leaves out.
        Map<String, Object> event = json.readValue(input.readAllBytes(), OBJECT);
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) event.get("headers");
        EventTransport.Reply reply = transport.post(headers, (String) event.get("body"));
        output.write(json.writeValueAsBytes(new ApiResponse(reply.status(), HEADERS, reply.body())));
    }

    private static List<McpStatelessServerFeatures.SyncToolSpecification> tools(McpJsonMapper json) throws IOException {
        List<McpStatelessServerFeatures.SyncToolSpecification> tools = new ArrayList<>();
        for (ToolSpec spec : TodoTools.forRequest(null, "bench-probe", new Metrics()).specs()) {
            McpSchema.Tool tool = McpSchema.Tool.builder()
                    .name(spec.name())
                    .title(spec.title())
                    .description(spec.description())
                    .inputSchema(json, spec.parametersJsonSchema())
                    .outputSchema(asObjectSchema(json.readValue(spec.resultJsonSchema(), OBJECT)))
                    .annotations(McpSchema.ToolAnnotations.builder()
                            .title(spec.title())
                            .readOnlyHint(spec.hints().readOnly())
                            .destructiveHint(spec.hints().destructive())
                            .idempotentHint(spec.hints().idempotent())
                            .openWorldHint(false)
                            .build())
                    .build();
            tools.add(McpStatelessServerFeatures.SyncToolSpecification.builder()
                    .tool(tool)
                    .callHandler((context, request) -> McpSchema.CallToolResult.builder()
                            .structuredContent(Map.of("status", "ok"))
                            .addTextContent("{\"status\":\"ok\"}")
                            .build())
                    .build());
        }
        return tools;
    }

    /** As the project's catalog does: a list result (list_tasks) is described as {"items": [...]}, the only shape MCP allows. */
    private static Map<String, Object> asObjectSchema(Map<String, Object> schema) {
        if ("object".equals(schema.get("type"))) {
            return schema;
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("type", "object");
        wrapped.put("properties", Map.of("items", schema));
        wrapped.put("required", List.of("items"));
        return wrapped;
    }

    /** One POST in, one answer out: the SDK's stateless servlet transport, its servlet taken away. */
    static final class EventTransport implements McpStatelessServerTransport {
        record Reply(int status, String body) {
        }

        private final McpJsonMapper json;
        private McpStatelessServerHandler handler;

        EventTransport(McpJsonMapper json) {
            this.json = json;
        }

        @Override
        public void setMcpHandler(McpStatelessServerHandler handler) {
            this.handler = handler;
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }

        /** @param headers the event's headers, names lower-cased as API Gateway v2 gives them */
        Reply post(Map<String, String> headers, String body) throws IOException {
            String accept = headers.getOrDefault("accept", "");
            if (!accept.contains("application/json") || !accept.contains("text/event-stream")) {
                return error(400, "Both application/json and text/event-stream required in Accept header");
            }
            String version = headers.get("mcp-protocol-version");
            if (version != null && !protocolVersions().contains(version)) {
                return error(400, "Unsupported protocol version: " + version);
            }
            McpSchema.JSONRPCMessage message;
            try {
                message = McpSchema.deserializeJsonRpcMessage(json, body == null ? "" : body);
            } catch (IllegalArgumentException | IOException e) {
                return error(400, "Invalid message format");
            }
            McpTransportContext context = McpTransportContext.EMPTY;
            if (message instanceof McpSchema.JSONRPCRequest request) {
                McpSchema.JSONRPCResponse response = handler.handleRequest(context, request)
                        .contextWrite(c -> c.put(McpTransportContext.KEY, context))
                        .block();
                return new Reply(200, json.writeValueAsString(response));
            }
            if (message instanceof McpSchema.JSONRPCNotification notification) {
                handler.handleNotification(context, notification)
                        .contextWrite(c -> c.put(McpTransportContext.KEY, context))
                        .block();
                return new Reply(202, "");
            }
            return error(400, "The server accepts either requests or notifications");
        }

        private Reply error(int status, String message) throws IOException {
            return new Reply(status, json.writeValueAsString(McpSchema.JSONRPCResponse.error(null,
                    new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INVALID_REQUEST, message))));
        }
    }
}
