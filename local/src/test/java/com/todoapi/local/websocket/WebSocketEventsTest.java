package com.todoapi.local.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample events in events/ are what the local gateway sends, field for field; route selection reads the body as AWS does. */
class WebSocketEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WebSocketEvents events = new WebSocketEvents(new WebSocketEvents.Api("realtimeapi", "live", "127.0.0.1:3002"));
    private final Connection connection = new Connection(WebSocketEvents.newId(), Instant.now(), "127.0.0.1", "curl");

    @Test
    void samplesHaveTheFieldsTheGatewaySends() throws IOException {
        Instant now = Instant.now();
        assertSameFields(events.connect(connection, List.of(Map.entry("Host", "127.0.0.1:3002")), "ticket=t", now),
                "websocket-connect.json");
        assertSameFields(events.message(connection, "$default", "{\"action\":\"ping\"}", false, now), "websocket-message.json");
        assertSameFields(events.disconnect(connection, 1001, "Going away", now), "websocket-disconnect.json");
    }

    @Test
    void selectsTheRouteFromTheBodyOrNothing() {
        RouteSelection selection = new RouteSelection("$request.body.action");
        assertThat(selection.select("{\"action\":\"ping\"}")).hasValue("ping");
        assertThat(selection.select("ping")).isEmpty();
        assertThat(selection.select("{\"action\":{\"x\":1}}")).isEmpty();
        assertThat(selection.select("[1]")).isEmpty();
        assertThat(new RouteSelection("$request.body.meta.kind").select("{\"meta\":{\"kind\":\"a\"}}")).hasValue("a");
    }

    @Test
    void givesIdsShapedAsApiGatewaysWithoutSlashes() {
        for (int i = 0; i < 200; i++) {
            assertThat(WebSocketEvents.newId()).matches("[A-Za-z0-9_-]{15}=");
        }
    }

    private static void assertSameFields(byte[] generated, String sample) throws IOException {
        JsonNode expected = JSON.readTree(Path.of("..", "events", sample).toFile());
        JsonNode actual = JSON.readTree(generated);
        assertThat(fields(actual.get("requestContext"))).as(sample).isEqualTo(fields(expected.get("requestContext")));
        assertThat(fields(actual)).as(sample).containsAll(fields(expected).stream()
                .filter(f -> !f.contains("QueryString")).toList());
    }

    private static TreeSet<String> fields(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
