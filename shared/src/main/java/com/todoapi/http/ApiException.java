package com.todoapi.http;

import com.todoapi.domain.FieldProblem;

import java.util.List;
import java.util.Map;

/**
 * A failure the client is told about in the API's error shape. Its message is written for the
 * client; nothing internal (class names, AWS error text) belongs in it.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<FieldProblem> details;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of(), Map.of());
    }

    public ApiException(int status, String code, String message, List<FieldProblem> details, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
