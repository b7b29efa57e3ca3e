package com.todoapi.http;

import com.todoapi.domain.FieldProblem;

import java.util.List;

/** The API's error shape: {@code {"error": {"code", "message", "details", "request_id"}}}. */
public record ErrorBody(Error error) {

    public static ErrorBody of(String code, String message, List<FieldProblem> details, String requestId) {
        return new ErrorBody(new Error(code, message, details.isEmpty() ? null : details, requestId));
    }

    public record Error(String code, String message, List<FieldProblem> details, String requestId) {
    }
}
