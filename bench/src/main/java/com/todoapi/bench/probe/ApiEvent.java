package com.todoapi.bench.probe;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** The part of an API Gateway v2 event a handler reads; the names are the event's own, whatever the naming strategy. */
public record ApiEvent(@JsonProperty("routeKey") String routeKey,
                       @JsonProperty("rawPath") String rawPath,
                       @JsonProperty("headers") Map<String, String> headers,
                       @JsonProperty("pathParameters") Map<String, String> pathParameters,
                       @JsonProperty("body") String body) {
}
