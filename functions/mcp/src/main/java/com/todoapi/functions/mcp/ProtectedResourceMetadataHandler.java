package com.todoapi.functions.mcp;

import com.todoapi.config.Env;
import com.todoapi.http.HttpRequest;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.lambda.Exchange;
import com.todoapi.lambda.HttpFunction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /.well-known/oauth-protected-resource} and its {@code /mcp} form: the OAuth 2.0
 * Protected Resource Metadata (RFC 9728) that MCP clients read, without a token, to find who
 * issues tokens for this API. The resource in each document is the URL the well-known path was
 * inserted into: the API's origin for the root form, the MCP endpoint for the other.
 */
public final class ProtectedResourceMetadataHandler extends HttpFunction {
    private final String issuer;
    private final ResourceLocation location;

    public ProtectedResourceMetadataHandler() {
        this(Env.system());
    }

    ProtectedResourceMetadataHandler(Env env) {
        this.issuer = env.require("JWT_ISSUER");
        this.location = new ResourceLocation(env.optional("MCP_RESOURCE_URL"));
    }

    @Override
    protected HttpResponse handle(Exchange exchange) {
        HttpRequest request = exchange.request();
        boolean forEndpoint = request.rawPath() != null && !request.rawPath().endsWith(ResourceLocation.WELL_KNOWN);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("resource", forEndpoint ? location.mcpUrl(request) : location.origin(request));
        metadata.put("authorization_servers", List.of(issuer));
        metadata.put("bearer_methods_supported", List.of("header"));
        metadata.put("resource_name", "Todo list");
        return Responses.json(200, metadata);
    }
}
