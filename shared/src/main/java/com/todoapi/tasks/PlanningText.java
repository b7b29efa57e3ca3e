package com.todoapi.tasks;

import java.util.StringJoiner;

/** A planning as one line of text, so that an idempotency key's request digest covers it. */
final class PlanningText {
    private PlanningText() {
    }

    static String of(Planning p) {
        StringJoiner text = new StringJoiner("\u0000");
        text.add(p.due().map(TaskTime::given).orElse(""));
        text.add(p.priority().wireName());
        text.add(String.join("\u0001", p.labels()));
        text.add(p.recurrence().map(Recurrence::text).orElse(""));
        text.add(p.remind().map(TaskTime::given).orElse(""));
        return text.toString();
    }
}
