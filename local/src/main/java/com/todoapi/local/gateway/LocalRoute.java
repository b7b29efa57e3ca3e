package com.todoapi.local.gateway;

/**
 * A route the local front door answers itself, without a function: it exists only in the local
 * runtime, never in the template, so it is never deployed.
 */
public interface LocalRoute {
    String method();

    String path();

    Answer answer(byte[] body, String requestId);

    /** A JSON answer; {@code headers} as name, value pairs. */
    record Answer(int status, String json, String... headers) {
    }
}
