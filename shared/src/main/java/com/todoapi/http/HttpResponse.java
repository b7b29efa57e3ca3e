package com.todoapi.http;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/** An API Gateway HTTP API response, payload format 2.0. */
public record HttpResponse(
        @JsonProperty("statusCode") int statusCode,
        @JsonProperty("headers") Map<String, String> headers,
        @JsonProperty("body") String body,
        @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

    public HttpResponse {
        headers = Map.copyOf(headers);
    }

    public HttpResponse withHeaders(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new HttpResponse(statusCode, merged, body, isBase64Encoded);
    }
}
