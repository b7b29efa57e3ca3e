package com.todoapi.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What API Gateway sends a WebSocket route's Lambda proxy integration ({@code $connect},
 * {@code $disconnect}, {@code $default}): the upgrade request's headers (names as the client sent
 * them, so looked up without regard to case) and query string on {@code $connect}, the message's
 * text as {@code body} on a message route, and the connection in {@code requestContext}
 * ({@code disconnectStatusCode} and {@code disconnectReason} on {@code $disconnect}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebSocketEvent(
        @JsonProperty("headers") Map<String, String> headers,
        @JsonProperty("queryStringParameters") Map<String, String> queryStringParameters,
        @JsonProperty("requestContext") RequestContext requestContext,
        @JsonProperty("body") String body,
        @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

    public WebSocketEvent {
        headers = headers == null ? Map.of() : headers;
        queryStringParameters = queryStringParameters == null ? Map.of() : queryStringParameters;
        requestContext = requestContext == null ? new RequestContext(null, null, null, null, null, null, null, null) : requestContext;
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(queryStringParameters.get(name));
    }

    public String connectionId() {
        return requestContext.connectionId();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(
            @JsonProperty("routeKey") String routeKey,
            @JsonProperty("eventType") String eventType,
            @JsonProperty("connectionId") String connectionId,
            @JsonProperty("requestId") String requestId,
            @JsonProperty("apiId") String apiId,
            @JsonProperty("stage") String stage,
            @JsonProperty("disconnectStatusCode") Integer disconnectStatusCode,
            @JsonProperty("disconnectReason") String disconnectReason) {
    }
}
