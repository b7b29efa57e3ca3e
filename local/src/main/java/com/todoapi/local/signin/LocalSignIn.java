package com.todoapi.local.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.local.LocalConfig;
import com.todoapi.local.LocalTokens;
import com.todoapi.local.gateway.LocalRoute;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code POST /local/token}: a bearer token for any user, so a browser page (the try-it page)
 * can sign in without an identity provider. Only in local mode ({@code TODO_LOCAL_MODE=true} in
 * local/local-config.json): otherwise {@code 403}. It is a route of the local runtime alone,
 * never of the template: a deployed API has no such route.
 */
public final class LocalSignIn implements LocalRoute {
    public static final String PATH = "/local/token";
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,128}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalConfig config;

    public LocalSignIn(LocalConfig config) {
        this.config = config;
    }

    public static boolean isLocalMode(LocalConfig config) {
        return "true".equalsIgnoreCase(config.environment().get("TODO_LOCAL_MODE"));
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public Answer answer(byte[] body, String requestId) {
        if (!isLocalMode(config)) {
            return error(403, "forbidden", "Local sign-in exists only in local mode (TODO_LOCAL_MODE=true)", null, requestId);
        }
        String userId;
        try {
            JsonNode request = body.length == 0 ? null : JSON.readTree(body);
            JsonNode user = request == null || !request.isObject() ? null : request.get("user_id");
            if (user == null || !user.isTextual() || !USER_ID.matcher(user.textValue()).matches()) {
                return error(400, "invalid_request", "The body must be {\"user_id\": \"...\"}", "user_id", requestId);
            }
            userId = user.textValue();
        } catch (IOException malformed) {
            return error(400, "invalid_request", "The body is not valid JSON", "body", requestId);
        }
        ObjectNode token = JSON.createObjectNode()
                .put("access_token", LocalTokens.from(config).mint(userId, LIFETIME))
                .put("token_type", "Bearer")
                .put("expires_in", LIFETIME.toSeconds())
                .put("user_id", userId);
        return new Answer(200, token.toString(), "Cache-Control", "no-store", "X-Request-Id", requestId);
    }

    private static Answer error(int status, String code, String message, String field, String requestId) {
        ObjectNode error = JSON.createObjectNode();
        error.put("code", code).put("message", message);
        if (field != null) {
            error.putArray("details").addObject().put("field", field)
                    .put("problem", field.equals("body") ? "is not valid JSON" : "must be 1-128 characters of A-Z a-z 0-9 . _ @ -");
        }
        error.put("request_id", requestId);
        ObjectNode root = JSON.createObjectNode();
        root.set("error", error);
        return new Answer(status, root.toString(), "Cache-Control", "no-store", "X-Request-Id", requestId);
    }
}
