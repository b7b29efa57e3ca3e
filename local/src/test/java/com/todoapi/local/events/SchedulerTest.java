package com.todoapi.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.local.template.ScheduleSource;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerTest {
    private static final ZonedDateTime TIME = ZonedDateTime.parse("2026-11-23T10:15:00.250Z");

    @Test
    void sendsAnEventBridgeScheduledEvent() throws Exception {
        JsonNode event = new ObjectMapper().readTree(Scheduler.event(
                new ScheduleSource("SweepFunction.Every5", "rate(5 minutes)", null, true), TIME));

        assertThat(event.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.get("source").asText()).isEqualTo("aws.events");
        assertThat(event.get("time").asText()).isEqualTo("2026-11-23T10:15:00Z");
        assertThat(event.get("resources").get(0).asText()).endsWith(":rule/SweepFunction.Every5");
        assertThat(event.get("detail").isObject()).isTrue();
    }

    @Test
    void sendsTheTemplatesInputVerbatimWhenItHasOne() {
        byte[] event = Scheduler.event(new ScheduleSource("F.E", "rate(1 hour)", "{\"job\":\"sweep\"}", true), TIME);

        assertThat(new String(event)).isEqualTo("{\"job\":\"sweep\"}");
    }
}
