package com.todoapi.testing;

import com.todoapi.local.LocalRuntime;

import java.net.URI;

/**
 * Where a test reaches the local runtime's WebSocket API (the template's
 * {@code AWS::ApiGatewayV2::Api} with {@code ProtocolType: WEBSOCKET}): the URL a client connects to,
 * {@code ws://127.0.0.1:PORT/STAGE}, and the {@code @connections} endpoint's base, which the functions
 * get in place of {@code https://API.execute-api.REGION.amazonaws.com/STAGE}. A test parameter of
 * this type is given by {@link LocalRuntimeExtension}.
 */
public record WebSocketEndpoints(URI url, URI managementEndpoint) {

    static WebSocketEndpoints of(LocalRuntime runtime) {
        return new WebSocketEndpoints(
                runtime.webSocketUrl().orElseThrow(() -> new IllegalStateException("The template has no WebSocket API")),
                runtime.webSocketManagementEndpoint().orElseThrow());
    }

    /** The client URL with a query string, such as {@code ticket=...}. */
    public URI url(String query) {
        return URI.create(url + "?" + query);
    }

    /** {@code POST|GET|DELETE} here reaches one connection, as {@code @connections/{id}} does in AWS. */
    public URI connection(String connectionId) {
        return URI.create(managementEndpoint + "/@connections/"
                + java.net.URLEncoder.encode(connectionId, java.nio.charset.StandardCharsets.UTF_8));
    }
}
