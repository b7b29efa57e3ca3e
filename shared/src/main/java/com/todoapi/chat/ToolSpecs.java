package com.todoapi.chat;

import com.todoapi.agent.ToolHints;
import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;

import java.util.List;

/** The five tools as a model or an MCP client sees them (docs/api.md "The todo tools"). */
final class ToolSpecs {
    private static final String TASK_ID = "\"task_id\":{\"type\":\"integer\",\"minimum\":1,\"description\":\"The task's number\"}";
    private static final String ONLY_TASK_ID = "{\"type\":\"object\",\"properties\":{" + TASK_ID
            + "},\"required\":[\"task_id\"],\"additionalProperties\":false}";

    private ToolSpecs() {
    }

    /** Made on each call: a list is no constant a process should share. */
    static List<ToolSpec> all() {
        return List.of(
                new ToolSpec(Toolbox.ADD_TASK, "Add a task", "Adds a task to the user's list.", """
                        {"type":"object","properties":{"title":{"type":"string","minLength":1,"maxLength":200},\
                        "description":{"type":"string","maxLength":2000}},"required":["title"],"additionalProperties":false}""",
                        changed("created"), new ToolHints(false, false, false)),
                new ToolSpec(Toolbox.LIST_TASKS, "List tasks", "Lists the user's tasks, all of them or by status, oldest first.", """
                        {"type":"object","properties":{"status":{"type":"string","enum":["all","pending","completed"],\
                        "default":"all"}},"additionalProperties":false}""",
                        """
                        {"type":"array","items":{"type":"object","properties":{"id":{"type":"integer"},\
                        "title":{"type":"string"},"completed":{"type":"boolean"},"description":{"type":"string"}},\
                        "required":["id","title","completed"]}}""", ToolHints.readsOnly()),
                new ToolSpec(Toolbox.COMPLETE_TASK, "Complete a task", "Marks a task as completed.", ONLY_TASK_ID,
                        changed("completed"), new ToolHints(false, false, true)),
                new ToolSpec(Toolbox.DELETE_TASK, "Delete a task", "Deletes a task for good.", ONLY_TASK_ID,
                        changed("deleted"), new ToolHints(false, true, true)),
                new ToolSpec(Toolbox.UPDATE_TASK, "Update a task", "Changes a task's title or description.",
                        "{\"type\":\"object\",\"properties\":{" + TASK_ID + ",\"title\":{\"type\":\"string\",\"minLength\":1,"
                                + "\"maxLength\":200},\"description\":{\"type\":\"string\",\"maxLength\":2000}},"
                                + "\"required\":[\"task_id\"],\"additionalProperties\":false}",
                        changed("updated"), new ToolHints(false, false, true)));
    }

    /** The result of a tool that changed one task: its number, what happened, its title now. */
    private static String changed(String status) {
        return "{\"type\":\"object\",\"properties\":{\"task_id\":{\"type\":\"integer\"},\"status\":{\"const\":\"" + status
                + "\"},\"title\":{\"type\":\"string\"}},\"required\":[\"task_id\",\"status\",\"title\"]}";
    }
}
