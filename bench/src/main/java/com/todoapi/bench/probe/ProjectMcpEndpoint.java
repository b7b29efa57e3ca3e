package com.todoapi.bench.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.todoapi.agent.ToolOutcome;
import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;
import com.todoapi.chat.TodoTools;
import com.todoapi.metrics.Metrics;
import com.todoapi.json.Json;
import com.todoapi.mcp.McpAnswer;
import com.todoapi.mcp.McpEndpoint;
import com.todoapi.mcp.McpPost;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The project's MCP layer alone (McpEndpoint on Json.MAPPER, the five tools' specs from TodoTools),
 * without the function around it (no token, rate limit or table): the API Gateway event in, its
 * body answered, the JSON-RPC answer out in an API Gateway response. The tools answer a fixed
 * result; what is timed is the protocol stack, as in {@link SdkStatelessMcp}.
 */
public final class ProjectMcpEndpoint implements RequestStreamHandler {
    private static final Map<String, String> HEADERS = Map.of("content-type", "application/json");

    private final McpEndpoint endpoint = new McpEndpoint();
    private final Toolbox tools = new FixedTools(TodoTools.forRequest(null, "bench-probe", new Metrics()).specs());

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ApiEvent event = Json.MAPPER.readValue(input, ApiEvent.class);
        McpAnswer answer = endpoint.answer(new McpPost(event.headers(), event.body().getBytes(StandardCharsets.UTF_8)), tools);
        String body = answer.hasBody() ? Json.MAPPER.writeValueAsString(answer.body()) : "";
        Json.MAPPER.writeValue(output, new ApiResponse(answer.status(), HEADERS, body));
    }

    /** The five tools' specs; a call answers a fixed result (only tools/list is timed). */
    private record FixedTools(List<ToolSpec> specs) implements Toolbox {
        @Override
        public ToolOutcome call(String tool, Map<String, Object> args) {
            return ToolOutcome.ok(Map.of("status", "ok"));
        }
    }
}
