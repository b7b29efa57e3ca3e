package com.todoapi.functions.mcp;

import com.todoapi.apikeys.Scope;
import com.todoapi.chat.TodoTools;
import com.todoapi.domain.DomainException;
import com.todoapi.http.AllowedOrigins;
import com.todoapi.http.HttpRequest;
import com.todoapi.http.HttpResponse;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.lambda.Exchange;
import com.todoapi.log.RequestLog;
import com.todoapi.mcp.McpEndpoint;
import com.todoapi.metrics.Metrics;
import com.todoapi.mcp.McpAnswer;
import com.todoapi.mcp.McpPost;
import com.todoapi.mcp.ScopedTools;
import com.todoapi.mcp.RpcError;
import com.todoapi.ratelimit.RateLimitDecision;
import com.todoapi.profile.ProfileService;
import com.todoapi.tasks.TaskService;
import com.todoapi.wiring.Services;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /mcp}: the todo tools as a remote MCP server (Streamable HTTP, JSON answers, no
 * session), for the token's user. {@code GET} and {@code DELETE} are 405: there is no stream to
 * open and no session to end. Every refusal is a JSON-RPC error, the 401 pointing to the
 * protected-resource metadata.
 */
public final class McpHandler extends AuthenticatedFunction {
    /** A tools/list as a 2026-07-28 client sends it: priming runs the JSON-RPC layer without the table. */
    private static final String PRIMING_LIST = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"tools/list\",\"params\":{\"_meta\":"
            + "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
    private final TaskService tasks;
    private final ProfileService profiles;
    private final AllowedOrigins origins;
    private final ResourceLocation location;
    private final McpEndpoint endpoint = new McpEndpoint();

    public McpHandler() {
        this(Services.fromEnvironment());
    }

    McpHandler(Services services) {
        super(services.platform());
        this.tasks = services.tasks();
        this.profiles = services.profiles();
        this.origins = services.browserOrigins();
        this.location = new ResourceLocation(services.mcpResourceUrl());
    }

    @Override
    protected void prime() {
        super.prime();
        endpoint.answer(new McpPost(Map.of("mcp-protocol-version", "2026-07-28", "mcp-method", "tools/list"),
                PRIMING_LIST.getBytes(StandardCharsets.UTF_8)), TodoTools.forRequest(tasks, "priming", new Metrics()));
    }

    @Override
    protected Optional<HttpResponse> screen(Exchange exchange) {
        HttpRequest request = exchange.request();
        if (!"POST".equals(request.method())) {
            return Optional.of(McpResponses.error(405, RpcError.METHOD_NOT_ALLOWED,
                    "The MCP endpoint takes POST only: it opens no stream and keeps no session")
                    .withHeaders(Map.of("allow", "POST")));
        }
        Optional<String> origin = request.header("origin");
        if (origin.isPresent() && !origins.allows(origin.get())) {
            return Optional.of(McpResponses.error(403, RpcError.FORBIDDEN_ORIGIN, "Requests from this origin are not allowed"));
        }
        return Optional.empty();
    }

    @Override
    protected HttpResponse unauthorized(Exchange exchange) {
        String challenge = "Bearer resource_metadata=\"" + location.metadataUrl(exchange.request()) + "\"";
        if (exchange.request().header("authorization").isPresent()) {
            challenge += ", error=\"invalid_token\"";
        }
        return McpResponses.error(401, RpcError.UNAUTHORIZED, "A valid bearer token is required")
                .withHeaders(Map.of("www-authenticate", challenge));
    }

    @Override
    protected HttpResponse rateLimited(Exchange exchange, RateLimitDecision decision) {
        return McpResponses.error(429, RpcError.RATE_LIMITED,
                "Too many requests; retry after " + decision.resetSeconds() + " s");
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        byte[] body;
        try {
            body = request.http().bodyBytes();
        } catch (IllegalArgumentException badBase64) {
            return McpResponses.error(400, RpcError.PARSE_ERROR, "The body could not be read");
        }
        McpAnswer answer = endpoint.answer(new McpPost(request.http().headers(), body), ScopedTools.of(
                TodoTools.forRequest(tasks, request.userId(), request.metrics(), () -> profiles.zoneOf(request.userId())),
                request.caller().scopes()));
        HttpResponse response = McpResponses.of(answer);
        if (answer.status() == 403 && answer.hasBody()) {
            // A tool the key's scopes do not allow (RFC 6750's insufficient_scope, as MCP's authorization asks).
            String scope = answer.body().at("/error/data/required_scope").asText(Scope.WRITE.wireName());
            response = response.withHeaders(Map.of("www-authenticate", "Bearer error=\"insufficient_scope\", scope=\""
                    + scope + "\", resource_metadata=\"" + location.metadataUrl(request.http()) + "\""));
        }
        return response;
    }

    /** Any caller may reach the endpoint (listing tools reads nobody's data); each tool call checks its own scope. */
    @Override
    protected Scope requiredScope(HttpRequest request) {
        return Scope.READ;
    }

    /** The table not answering is a 503 the client may retry; anything else is this server's fault, a 500. */
    @Override
    protected HttpResponse failed(Exchange exchange, RuntimeException failure) {
        boolean unavailable = failure instanceof DomainException domain && domain.kind() == DomainException.Kind.UNAVAILABLE;
        RequestLog.failure(exchange.requestId(), exchange.request().routeKey(), unavailable ? failure.getCause() : failure);
        if (unavailable) {
            return McpResponses.error(503, RpcError.UNAVAILABLE, "The service is briefly unavailable; retry shortly")
                    .withHeaders(Map.of("retry-after", "2"));
        }
        return McpResponses.error(500, RpcError.INTERNAL_ERROR, "Something went wrong on our side; retry later");
    }
}
