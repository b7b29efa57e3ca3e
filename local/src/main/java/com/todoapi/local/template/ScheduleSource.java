package com.todoapi.local.template;

import java.util.Map;

/** A {@code Schedule} or {@code ScheduleV2} event: an EventBridge rate or cron expression. */
public record ScheduleSource(String name, String expression, String input, boolean enabled) {

    static ScheduleSource of(String name, Map<String, Object> p) {
        Object expression = p.containsKey("Schedule") ? p.get("Schedule") : p.get("ScheduleExpression");
        if (expression == null) {
            throw new IllegalArgumentException("Schedule event " + name + " has no Schedule expression");
        }
        boolean enabled = !"false".equalsIgnoreCase(String.valueOf(p.get("Enabled")))
                && !"DISABLED".equalsIgnoreCase(String.valueOf(p.get("State")));
        return new ScheduleSource(name, expression.toString(), p.get("Input") == null ? null : p.get("Input").toString(), enabled);
    }
}
