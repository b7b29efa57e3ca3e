package com.todoapi.chat;

import com.todoapi.agent.ToolHints;
import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;

import java.util.List;

/**
 * The five tools as a model or an MCP client sees them (docs/api.md "The todo tools"): one set of
 * JSON Schemas for the built-in assistant, a model and MCP. The planning arguments take the forms
 * the task routes take (docs/api.md "Due dates, reminders and recurrence").
 */
final class ToolSpecs {
    private static final String TASK_ID = "\"task_id\":{\"type\":\"integer\",\"minimum\":1,\"description\":\"The task's number\"}";
    private static final String ONLY_TASK_ID = "{\"type\":\"object\",\"properties\":{" + TASK_ID
            + "},\"required\":[\"task_id\"],\"additionalProperties\":false}";
    private static final String TIME_PATTERN =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?)?$";
    private static final String TIME_WITH_CLOCK_PATTERN =
            "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?$";
    private static final String PRIORITIES = "[\"none\",\"low\",\"medium\",\"high\"]";

    /** The planning arguments; {@code nullable} lets an update clear one with null. */
    private static String planning(boolean nullable) {
        String string = nullable ? "\"type\":[\"string\",\"null\"]" : "\"type\":\"string\"";
        return "\"due\":{" + string + ",\"maxLength\":40,\"pattern\":\"" + TIME_PATTERN + "\",\"description\":"
                + "\"When it is due: a day (2026-12-06), a time in the user's time zone (2026-12-06T17:00), "
                + "or a fixed instant (2026-12-06T17:00Z, 2026-12-06T17:00+01:00)\"},"
                + "\"priority\":{" + string + ",\"enum\":" + (nullable ? PRIORITIES.replace("]", ",null]") : PRIORITIES)
                + "},"
                + "\"labels\":{\"type\":" + (nullable ? "[\"array\",\"null\"]" : "\"array\"") + ",\"maxItems\":10,"
                + "\"items\":{\"type\":\"string\",\"minLength\":1,\"maxLength\":50},\"description\":"
                + "\"Labels (tags), compared without regard to case; replaces the task's labels\"},"
                + "\"recurrence\":{" + string + ",\"maxLength\":200,\"description\":\"An RFC 5545 RRULE: FREQ=DAILY|"
                + "WEEKLY|MONTHLY|YEARLY with INTERVAL, BYDAY, BYMONTHDAY, COUNT or UNTIL, e.g. FREQ=MONTHLY;"
                + "BYMONTHDAY=1; needs a due\"},"
                + "\"remind_at\":{" + string + ",\"maxLength\":40,\"pattern\":\"" + TIME_WITH_CLOCK_PATTERN
                + "\",\"description\":\"When to remind the user: a time in their zone (2026-12-06T16:30) or a fixed "
                + "instant\"}";
    }

    /** The planning fields a result carries when they are set. */
    private static final String PLANNED = "\"due\":{\"type\":\"string\"},\"due_at\":{\"type\":\"string\"},"
            + "\"priority\":{\"enum\":" + PRIORITIES + "},\"labels\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
            + "\"recurrence\":{\"type\":\"string\"},\"remind_at\":{\"type\":\"string\"}";

    private ToolSpecs() {
    }

    /** Made on each call: a list is no constant a process should share. */
    static List<ToolSpec> all() {
        return List.of(
                new ToolSpec(Toolbox.ADD_TASK, "Add a task", "Adds a task to the user's list, with an optional due "
                        + "date or time, priority, labels, recurrence and reminder.",
                        "{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\",\"minLength\":1,"
                                + "\"maxLength\":200},\"description\":{\"type\":\"string\",\"maxLength\":2000},"
                                + planning(false) + "},\"required\":[\"title\"],\"additionalProperties\":false}",
                        changed("created"), new ToolHints(false, false, false)),
                new ToolSpec(Toolbox.LIST_TASKS, "List tasks", "Lists the user's tasks, oldest first: all of them or "
                        + "by status, overdue, due today (in the user's time zone), label, priority, or words in "
                        + "the title or description.", """
                        {"type":"object","properties":{"status":{"type":"string","enum":["all","pending","completed"],\
                        "default":"all"},"overdue":{"type":"boolean","description":"Only pending tasks whose due time \
                        has passed (true), or only those not overdue (false)"},"due_today":{"type":"boolean",\
                        "description":"Only tasks due today in the user's time zone"},"label":{"type":"string",\
                        "minLength":1,"maxLength":50},"priority":{"type":"string","enum":["none","low","medium","high"]},\
                        "query":{"type":"string","minLength":1,"maxLength":200,"description":"Words that must all \
                        appear in the title or description, case and accents ignored"}},"additionalProperties":false}""",
                        "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
                                + "\"title\":{\"type\":\"string\"},\"completed\":{\"type\":\"boolean\"},"
                                + "\"description\":{\"type\":\"string\"}," + PLANNED + "},"
                                + "\"required\":[\"id\",\"title\",\"completed\"]}}", ToolHints.readsOnly()),
                new ToolSpec(Toolbox.COMPLETE_TASK, "Complete a task", "Marks a task as completed; a recurring task "
                        + "moves to its next occurrence instead and stays pending.", ONLY_TASK_ID,
                        changed("completed"), new ToolHints(false, false, false)),
                new ToolSpec(Toolbox.DELETE_TASK, "Delete a task", "Deletes a task for good.", ONLY_TASK_ID,
                        changed("deleted"), new ToolHints(false, true, true)),
                new ToolSpec(Toolbox.UPDATE_TASK, "Update a task", "Changes a task's title, description, due date or "
                        + "time, priority, labels, recurrence or reminder; null clears one of the last five.",
                        "{\"type\":\"object\",\"properties\":{" + TASK_ID + ",\"title\":{\"type\":\"string\",\"minLength\":1,"
                                + "\"maxLength\":200},\"description\":{\"type\":\"string\",\"maxLength\":2000},"
                                + planning(true) + "},\"required\":[\"task_id\"],\"additionalProperties\":false}",
                        changed("updated"), new ToolHints(false, false, true)));
    }

    /**
     * The result of a tool that changed one task: its number, what happened, its title and the planning
     * fields that are set; {@code completed: false} when a recurring task completed moved to its next occurrence.
     */
    private static String changed(String status) {
        return "{\"type\":\"object\",\"properties\":{\"task_id\":{\"type\":\"integer\"},\"status\":{\"const\":\"" + status
                + "\"},\"title\":{\"type\":\"string\"},\"completed\":{\"type\":\"boolean\"}," + PLANNED
                + "},\"required\":[\"task_id\",\"status\",\"title\"]}";
    }
}
