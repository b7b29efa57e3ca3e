package com.todoapi.chat;

import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;

import java.util.List;

/** The five tools as a model sees them (docs/api.md "The todo tools"). */
final class ToolSpecs {
    private static final String TASK_ID = "\"task_id\":{\"type\":\"integer\",\"minimum\":1,\"description\":\"The task's number\"}";

    /** Made on each call: a list is no constant a process should share. */
    static List<ToolSpec> all() {
        return List.of(
                new ToolSpec(Toolbox.ADD_TASK, "Adds a task to the user's list.", """
                        {"type":"object","properties":{"title":{"type":"string","minLength":1,"maxLength":200},\
                        "description":{"type":"string","maxLength":2000}},"required":["title"],"additionalProperties":false}"""),
                new ToolSpec(Toolbox.LIST_TASKS, "Lists the user's tasks, all of them or by status.", """
                        {"type":"object","properties":{"status":{"type":"string","enum":["all","pending","completed"]}},\
                        "additionalProperties":false}"""),
                new ToolSpec(Toolbox.COMPLETE_TASK, "Marks a task as completed.",
                        "{\"type\":\"object\",\"properties\":{" + TASK_ID + "},\"required\":[\"task_id\"],\"additionalProperties\":false}"),
                new ToolSpec(Toolbox.DELETE_TASK, "Deletes a task.",
                        "{\"type\":\"object\",\"properties\":{" + TASK_ID + "},\"required\":[\"task_id\"],\"additionalProperties\":false}"),
                new ToolSpec(Toolbox.UPDATE_TASK, "Changes a task's title or description.",
                        "{\"type\":\"object\",\"properties\":{" + TASK_ID + ",\"title\":{\"type\":\"string\",\"minLength\":1,"
                                + "\"maxLength\":200},\"description\":{\"type\":\"string\",\"maxLength\":2000}},"
                                + "\"required\":[\"task_id\"],\"additionalProperties\":false}"));
    }

    private ToolSpecs() {
    }
}
