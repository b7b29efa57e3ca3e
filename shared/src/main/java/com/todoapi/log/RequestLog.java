package com.todoapi.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.todoapi.json.Json;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured logs: one JSON line per request on stdout, which Lambda sends to CloudWatch.
 * Only what identifies the request goes in: never a token, a body or a user's text.
 */
public final class RequestLog {
    private RequestLog() {
    }

    /** {@code userDigest} is a pseudonym of the caller (null before authentication), never the user id. */
    public static void write(String requestId, String route, String userDigest, int status, long elapsedNanos) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", status >= 500 ? "ERROR" : "INFO");
        line.put("request_id", requestId);
        line.put("route", route);
        if (userDigest != null) {
            line.put("user", userDigest);
        }
        line.put("status", status);
        line.put("latency_ms", Math.round(elapsedNanos / 10_000.0) / 100.0);
        emit(line);
    }

    /** An unexpected failure: its type and where it happened, for the operator; the client sees none of it. */
    public static void failure(String requestId, String route, Throwable failure) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", "ERROR");
        line.put("request_id", requestId);
        line.put("route", route);
        line.put("error", failure.getClass().getName());
        StackTraceElement[] trace = failure.getStackTrace();
        if (trace.length > 0) {
            line.put("at", trace[0].toString());
        }
        emit(line);
    }

    /**
     * A line about background work (a job, a sweep): what happened and ids, and for a failure its
     * type and where; never a user's id or text.
     */
    public static void work(String level, String event, Map<String, Object> fields, Throwable failure) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("event", event);
        line.putAll(fields);
        if (failure != null) {
            line.put("error", failure.getClass().getName());
            StackTraceElement[] trace = failure.getStackTrace();
            if (trace.length > 0) {
                line.put("at", trace[0].toString());
            }
        }
        emit(line);
    }

    private static void emit(Map<String, Object> line) {
        PrintStream out = System.out;
        try {
            out.println(Json.MAPPER.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            out.println("{\"level\":\"ERROR\",\"message\":\"log line could not be written\"}");
        }
    }
}
