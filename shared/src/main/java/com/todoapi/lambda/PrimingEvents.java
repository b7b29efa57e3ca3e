package com.todoapi.lambda;

import java.nio.charset.StandardCharsets;

/** Synthetic events a function can serve while priming, read-only by construction. */
public final class PrimingEvents {
    /**
     * An HTTP API request with a well-formed token no issuer signed: an authenticated route reads
     * it, parses and checks the token and answers 401 in the error shape; {@code GET /health}-like
     * public routes serve it in full.
     */
    private static final String API_REQUEST = """
            {"version":"2.0","routeKey":"GET /priming","rawPath":"/priming","rawQueryString":"",
             "headers":{"authorization":"Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6InByaW1pbmcifQ.\
            eyJzdWIiOiJwcmltaW5nIiwiaXNzIjoicHJpbWluZyIsImF1ZCI6InByaW1pbmciLCJleHAiOjF9.cHJpbWluZw",
              "x-request-id":"snapstart-priming"},
             "requestContext":{"http":{"method":"GET","path":"/priming","sourceIp":"127.0.0.1"},
              "requestId":"snapstart-priming","routeKey":"GET /priming","stage":"$default"},
             "isBase64Encoded":false}""";
    private static final String EMPTY_BATCH = "{\"Records\":[]}";

    private PrimingEvents() {
    }

    public static byte[] apiRequest() {
        return API_REQUEST.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] emptyBatch() {
        return EMPTY_BATCH.getBytes(StandardCharsets.UTF_8);
    }
}
