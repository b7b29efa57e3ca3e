package com.todoapi.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.todoapi.json.Json;

import java.util.List;
import java.util.Map;

/** Builds responses in the API's conventions: JSON bodies, the error shape. */
public final class Responses {
    public static final String JSON = "application/json; charset=utf-8";

    private Responses() {
    }

    public static HttpResponse json(int status, Object body) {
        return new HttpResponse(status, Map.of("content-type", JSON), write(body), false);
    }

    public static HttpResponse noContent() {
        return new HttpResponse(204, Map.of(), null, false);
    }

    public static HttpResponse error(ApiException failure, String requestId) {
        return json(failure.status(), ErrorBody.of(failure.code(), failure.getMessage(), failure.details(), requestId))
                .withHeaders(failure.headers());
    }

    public static HttpResponse internalError(String requestId) {
        return json(500, ErrorBody.of("internal", "Something went wrong on our side; retry later.", List.of(), requestId));
    }

    static String write(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response body could not be written as JSON", e);
        }
    }
}
