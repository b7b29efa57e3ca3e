package com.todoapi.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.local.LocalConfig;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls a handler in-process as Lambda would, with the sample events of {@code events/} and the
 * environment the local runtime would give it.
 */
public final class FunctionCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A handler's {@code handleRequest(in, out, context)} with no context. */
    @FunctionalInterface
    public interface Handler {
        void handle(InputStream input, OutputStream output) throws IOException;
    }

    private FunctionCalls() {
    }

    /** A sample event from events/; an HTTP one gets a fresh local token for {@code user}. */
    public static ObjectNode sample(String name, String user) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(RepoFiles.root().resolve("events/" + name + ".json")));
            if (event.has("headers") && event.get("headers").has("authorization")) {
                ((ObjectNode) event.get("headers")).put("authorization", Tokens.bearer(user));
            }
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode invoke(Handler handler, JsonNode event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handle(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int status(JsonNode response) {
        return response.get("statusCode").asInt();
    }

    public static JsonNode body(JsonNode response) {
        try {
            return JSON.readTree(response.get("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the local runtime gives a function: local-mode settings, the template's values, the test's table and queues. */
    public static Map<String, String> environment(AwsBackend aws, Map<String, String> overrides) {
        LocalConfig config = LocalConfig.read(RepoFiles.localConfig());
        Map<String, String> env = new HashMap<>(config.environment());
        env.put("TABLE_NAME", aws.tableName());
        env.put("JWT_ISSUER", config.parameters().get("JwtIssuer"));
        env.put("JWT_AUDIENCE", config.parameters().get("JwtAudience"));
        env.put("RATE_LIMIT_REQUESTS", "1000");
        env.put("CHAT_QUEUE_URL", aws.resources().queue("ChatQueue").url());
        env.put("CLEANUP_QUEUE_URL", aws.resources().queue("CleanupQueue").url());
        env.put("CHAT_MAX_RECEIVES", "3");
        env.putAll(overrides);
        return env;
    }
}
