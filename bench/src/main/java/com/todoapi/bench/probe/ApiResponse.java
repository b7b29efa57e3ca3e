package com.todoapi.bench.probe;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** An API Gateway v2 response; the names are API Gateway's own, whatever the naming strategy. */
public record ApiResponse(@JsonProperty("statusCode") int statusCode,
                          @JsonProperty("headers") Map<String, String> headers,
                          @JsonProperty("body") String body) {
}
