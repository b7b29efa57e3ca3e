package com.todoapi.wiring;

import com.todoapi.auth.AuthSettings;
import com.todoapi.auth.TokenVerifier;
import com.todoapi.aws.AwsClients;
import com.todoapi.config.Env;
import com.todoapi.config.Secrets;
import com.todoapi.http.Platform;
import com.todoapi.pagination.CursorCodec;
import com.todoapi.ratelimit.RateLimitPolicy;
import com.todoapi.store.DynamoIdempotencyStore;
import com.todoapi.store.DynamoRateLimiter;
import com.todoapi.store.DynamoTaskStore;
import com.todoapi.store.Tables;
import com.todoapi.tasks.TaskService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Builds what a function needs from its environment, once per process (in the handler's
 * constructor, so before the first request and before a SnapStart snapshot). Functions ask only
 * for what they use: a route that issues no cursors never reads the cursor key.
 */
public final class Services {
    private final Env env;
    private final Tables tables;
    private final Clock clock;
    private final Platform platform;

    public Services(Env env, DynamoDbClient dynamoDb, Clock clock) {
        this.env = env;
        this.tables = new Tables(dynamoDb, env.require("TABLE_NAME"));
        this.clock = clock;
        this.platform = new Platform(TokenVerifier.from(AuthSettings.from(env)),
                new DynamoRateLimiter(tables, RateLimitPolicy.from(env)), clock);
    }

    public static Services fromEnvironment() {
        return new Services(Env.system(), AwsClients.dynamoDb(), Clock.systemUTC());
    }

    public Platform platform() {
        return platform;
    }

    public TaskService tasks() {
        return new TaskService(new DynamoTaskStore(tables), new DynamoIdempotencyStore(tables), clock);
    }

    /** The cursor key: CURSOR_KEY_ARN in AWS (a generated secret), CURSOR_KEY in local mode. */
    public CursorCodec cursors() {
        String key = Secrets.read(env, "CURSOR_KEY").orElseThrow(() -> new IllegalStateException(
                "CURSOR_KEY_ARN must be set (see template.yaml)"));
        return new CursorCodec(key.getBytes(StandardCharsets.UTF_8));
    }
}
