package com.todoapi.http;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An API Gateway HTTP API request, payload format 2.0. Header names arrive lower-cased;
 * repeated headers and query parameters arrive joined with commas.
 */
public record HttpRequest(
        @JsonProperty("version") String version,
        @JsonProperty("routeKey") String routeKey,
        @JsonProperty("rawPath") String rawPath,
        @JsonProperty("rawQueryString") String rawQueryString,
        @JsonProperty("cookies") List<String> cookies,
        @JsonProperty("headers") Map<String, String> headers,
        @JsonProperty("queryStringParameters") Map<String, String> queryStringParameters,
        @JsonProperty("pathParameters") Map<String, String> pathParameters,
        @JsonProperty("requestContext") RequestContext requestContext,
        @JsonProperty("body") String body,
        @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

    public HttpRequest {
        headers = headers == null ? Map.of() : headers;
        queryStringParameters = queryStringParameters == null ? Map.of() : queryStringParameters;
        pathParameters = pathParameters == null ? Map.of() : pathParameters;
        cookies = cookies == null ? List.of() : cookies;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(queryStringParameters.get(name));
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(pathParameters.get(name));
    }

    public String method() {
        return requestContext == null || requestContext.http() == null ? "" : requestContext.http().method();
    }

    /** The body as bytes, decoded from base64 when API Gateway encoded it. */
    public byte[] bodyBytes() {
        if (body == null) {
            return new byte[0];
        }
        return isBase64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    public record RequestContext(
            @JsonProperty("accountId") String accountId,
            @JsonProperty("apiId") String apiId,
            @JsonProperty("domainName") String domainName,
            @JsonProperty("requestId") String requestId,
            @JsonProperty("routeKey") String routeKey,
            @JsonProperty("stage") String stage,
            @JsonProperty("timeEpoch") long timeEpoch,
            @JsonProperty("http") Http http) {
    }

    public record Http(
            @JsonProperty("method") String method,
            @JsonProperty("path") String path,
            @JsonProperty("protocol") String protocol,
            @JsonProperty("sourceIp") String sourceIp,
            @JsonProperty("userAgent") String userAgent) {
    }
}
