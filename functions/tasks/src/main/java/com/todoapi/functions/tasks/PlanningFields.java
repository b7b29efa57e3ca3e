package com.todoapi.functions.tasks;

import com.todoapi.http.JsonBody;
import com.todoapi.tasks.PlanChanges;

import java.time.ZoneId;
import java.util.Set;

/** The planning fields of a task body ({@code due, priority, labels, recurrence, remind_at}), read the same by POST and PATCH. */
final class PlanningFields {
    /** The field names; a method, not a static set, as the statelessness rules want of every collection. */
    static Set<String> names() {
        return Set.of("due", "priority", "labels", "recurrence", "remind_at");
    }

    private PlanningFields() {
    }

    /** The fields present; {@code null} clears one. Times float in {@code zone}. */
    static PlanChanges read(JsonBody body, ZoneId zone) {
        var due = body.nullableText("due");
        var priority = body.textOrNull("priority", "none");
        var labels = body.textArrayOrNull("labels");
        var recurrence = body.nullableText("recurrence");
        var remind = body.nullableText("remind_at");
        body.done();
        return PlanChanges.parse(due, priority, labels, recurrence, remind, zone);
    }
}
