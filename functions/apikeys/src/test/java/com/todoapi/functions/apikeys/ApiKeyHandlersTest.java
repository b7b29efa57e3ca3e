package com.todoapi.functions.apikeys;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.apikeys.ApiKeyFormat;
import com.todoapi.config.Env;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.CapacityMeter;
import com.todoapi.testing.FunctionCalls;
import com.todoapi.testing.Tokens;
import com.todoapi.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.Map;

import static com.todoapi.testing.FunctionCalls.body;
import static com.todoapi.testing.FunctionCalls.sample;
import static com.todoapi.testing.FunctionCalls.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key handlers in-process on DynamoDB Local with every table call counted: the sample events
 * in order, a mistyped key refused without a table call, and a key refused on the key routes.
 */
@ExtendWith(AwsBackendExtension.class)
class ApiKeyHandlersTest {

    @Test
    void theSampleEventsRunInOrderWithTheirLocalToken(AwsBackend aws) {
        Services services = services(aws, new CapacityMeter());
        String user = Tokens.newUser();

        JsonNode created = invoke(new CreateApiKeyHandler(services), sample("apikeys-create", user));
        assertThat(status(created)).isEqualTo(201);
        assertThat(body(created).get("key").asText()).matches(ApiKeyFormat.SCANNER_REGEX);
        JsonNode listed = invoke(new ListApiKeysHandler(services), sample("apikeys-list", user));
        assertThat(status(listed)).isEqualTo(200);
        assertThat(body(listed).at("/items/0/name").asText()).isEqualTo("Laptop CLI");
        assertThat(body(listed).at("/items/0").has("key")).isFalse();
        assertThat(status(invoke(new RevokeApiKeyHandler(services), sample("apikeys-revoke", user)))).isEqualTo(204);
        assertThat(status(invoke(new RevokeApiKeyHandler(services), sample("apikeys-revoke", user)))).isEqualTo(404);
    }

    @Test
    void leavingRefusesTheKeysAtOnceAndTheTokenUntilThePurgeIsOver(AwsBackend aws) {
        Services services = services(aws, new CapacityMeter());
        String user = Tokens.newUser();
        String key = body(invoke(new CreateApiKeyHandler(services), sample("apikeys-create", user))).get("key").asText();
        JsonNode withKey = invoke(new LeaveHandler(services), withBearer(sample("me-delete", user), key));
        assertThat(status(withKey)).as("a key may not delete its owner").isEqualTo(403);

        JsonNode left = invoke(new LeaveHandler(services), sample("me-delete", user));
        assertThat(status(left)).isEqualTo(202);
        assertThat(body(left).get("status").asText()).isEqualTo("deleting");
        assertThat(status(invoke(new ListApiKeysHandler(services), withBearer(sample("apikeys-list", user), key))))
                .as("the key, refused before the 202").isEqualTo(401);
        JsonNode meanwhile = invoke(new ListApiKeysHandler(services), sample("apikeys-list", user));
        assertThat(status(meanwhile)).as("the token, while the purge runs").isEqualTo(409);
        assertThat(body(meanwhile).at("/error/code").asText()).isEqualTo("account_deleting");
        assertThat(status(invoke(new LeaveHandler(services), sample("me-delete", user)))).as("asking again").isEqualTo(202);
    }

    @Test
    void aMistypedKeyIs401WithoutATableCall(AwsBackend aws) {
        CapacityMeter meter = new CapacityMeter();
        Services services = services(aws, meter);
        ListApiKeysHandler handler = new ListApiKeysHandler(services);
        String user = Tokens.newUser();
        String key = body(invoke(new CreateApiKeyHandler(services), sample("apikeys-create", user))).get("key").asText();
        char last = key.charAt(key.length() - 1);
        String mistyped = key.substring(0, 10) + (key.charAt(10) == 'a' ? 'b' : 'a') + key.substring(11);
        String badChecksum = key.substring(0, key.length() - 1) + (last == 'a' ? 'b' : 'a');

        for (String bad : new String[] {mistyped, badChecksum, key + "x", "tdk_", "tdk_" + "A".repeat(36)}) {
            meter.reset();
            JsonNode refused = invoke(handler, withBearer(sample("apikeys-list", user), bad));
            assertThat(status(refused)).as(bad).isEqualTo(401);
            assertThat(refused.at("/headers/www-authenticate").asText()).isEqualTo("Bearer error=\"invalid_token\"");
            assertThat(meter.calls()).as("table calls for a malformed key").isZero();
        }

        meter.reset();
        JsonNode forbidden = invoke(handler, withBearer(sample("apikeys-list", user), key));
        assertThat(status(forbidden)).as("a live key on a key route").isEqualTo(403);
        assertThat(body(forbidden).at("/error/code").asText()).isEqualTo("forbidden");
        assertThat(meter.calls()).as("the key's read, its first use recorded, the rate limit").isEqualTo(3);
        meter.reset();
        invoke(handler, withBearer(sample("apikeys-list", user), key));
        assertThat(meter.writeCalls()).as("writes of a key used again within the hour: the rate limit only").isEqualTo(1);
    }

    @Test
    void theProfileSampleEventsSetAndReadTheTimeZoneWithOneItem(AwsBackend aws) {
        CapacityMeter meter = new CapacityMeter();
        Services services = services(aws, meter);
        String user = Tokens.newUser();
        JsonNode fresh = invoke(new GetProfileHandler(services), sample("me-get", user));
        assertThat(status(fresh)).isEqualTo(200);
        assertThat(body(fresh).get("time_zone").isNull()).isTrue();
        assertThat(body(fresh).get("effective_time_zone").asText()).isEqualTo("UTC");

        meter.reset();
        JsonNode set = invoke(new UpdateProfileHandler(services), sample("me-update", user));
        assertThat(status(set)).isEqualTo(200);
        assertThat(body(set).get("time_zone").asText()).isEqualTo("America/New_York");
        assertThat(meter.writeCalls()).as("the rate limit and the profile's one put").isEqualTo(2);
        assertThat(body(invoke(new GetProfileHandler(services), sample("me-get", user))).get("effective_time_zone").asText())
                .isEqualTo("America/New_York");

        ObjectNode unknown = sample("me-update", user);
        unknown.put("body", "{\"time_zone\":\"America/Gotham\"}");
        JsonNode refused = invoke(new UpdateProfileHandler(services), unknown);
        assertThat(status(refused)).isEqualTo(400);
        assertThat(body(refused).at("/error/details/0/field").asText()).isEqualTo("time_zone");
    }

    private static JsonNode invoke(RequestStreamHandler handler, JsonNode event) {
        return FunctionCalls.invoke((in, out) -> handler.handleRequest(in, out, null), event);
    }

    private static ObjectNode withBearer(ObjectNode event, String token) {
        ((ObjectNode) event.get("headers")).put("authorization", "Bearer " + token);
        return event;
    }

    private static Services services(AwsBackend aws, CapacityMeter meter) {
        return new Services(new Env(FunctionCalls.environment(aws, Map.of())), meter.dynamoDb(aws), aws.aws()::sqs,
                Clock.systemUTC());
    }
}
