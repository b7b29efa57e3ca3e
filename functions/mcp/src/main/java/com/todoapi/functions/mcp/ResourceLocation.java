package com.todoapi.functions.mcp;

import com.todoapi.http.HttpRequest;

import java.net.URI;
import java.util.Optional;

/**
 * Where the MCP endpoint lives as its clients see it, and where its protected-resource metadata
 * is (RFC 9728: the well-known path inserted before the resource's path). Read from the request
 * (API Gateway's {@code X-Forwarded-Proto} and domain name) unless a URL is configured, as it
 * must be behind a custom domain with a base path.
 */
record ResourceLocation(Optional<String> configuredMcpUrl) {
    static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    /** The MCP endpoint's URL, the protected resource's identifier. */
    String mcpUrl(HttpRequest request) {
        return configuredMcpUrl.orElseGet(() -> origin(request) + "/mcp");
    }

    /** scheme://host[:port] of the endpoint, the root resource. */
    String origin(HttpRequest request) {
        if (configuredMcpUrl.isPresent()) {
            URI configured = URI.create(configuredMcpUrl.get());
            return configured.getScheme() + "://" + configured.getRawAuthority();
        }
        String scheme = request.header("x-forwarded-proto").map(value -> value.split(",")[0].strip()).orElse("https");
        String host = request.requestContext() != null && request.requestContext().domainName() != null
                ? request.requestContext().domainName()
                : request.header("host").orElse("localhost");
        return scheme + "://" + host;
    }

    /** The metadata document of the MCP endpoint, as the 401's {@code WWW-Authenticate} points to it. */
    String metadataUrl(HttpRequest request) {
        URI endpoint = URI.create(mcpUrl(request));
        return endpoint.getScheme() + "://" + endpoint.getRawAuthority() + WELL_KNOWN + endpoint.getRawPath();
    }
}
