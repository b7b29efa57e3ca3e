package com.todoapi.functions.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.json.Json;
import com.todoapi.mcp.McpAnswer;
import com.todoapi.mcp.McpEndpoint;

import java.util.Map;

/** An MCP answer as an API Gateway response: JSON with its status, or 202 with no body. */
final class McpResponses {
    private McpResponses() {
    }

    static HttpResponse of(McpAnswer answer) {
        if (!answer.hasBody()) {
            return new HttpResponse(answer.status(), Map.of(), null, false);
        }
        try {
            return new HttpResponse(answer.status(), Map.of("content-type", Responses.JSON),
                    Json.MAPPER.writeValueAsString(answer.body()), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse error(int httpStatus, int code, String message) {
        return of(McpEndpoint.error(httpStatus, code, message));
    }
}
