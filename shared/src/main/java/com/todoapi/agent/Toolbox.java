package com.todoapi.agent;

import java.util.List;
import java.util.Map;

/**
 * The five todo tools of one user (docs/api.md "The todo tools"). The user is fixed when the toolbox
 * is made, from the verified token; no argument can name another. Calls are recorded in order
 * and end up on the reply as its {@code tool_calls}.
 */
public interface Toolbox {
    String ADD_TASK = "add_task";
    String LIST_TASKS = "list_tasks";
    String COMPLETE_TASK = "complete_task";
    String DELETE_TASK = "delete_task";
    String UPDATE_TASK = "update_task";

    /** The tools' names, descriptions and JSON Schemas, for agents that pass them to a model. */
    List<ToolSpec> specs();

    /**
     * Runs one tool. Arguments are JSON values: strings, numbers (task ids as {@code Long} or
     * any {@code Number}), booleans. A missing task or a bad argument is a tool error in the
     * outcome; only infrastructure failures (the table not answering) throw.
     */
    ToolOutcome call(String tool, Map<String, Object> args);

    /**
     * As {@link #call(String, Map)}, with the call's place in the turn named by the caller
     * ({@code "m2.1"}: round 2, second call) rather than counted: a model turn resumed from its
     * checkpoint skips the rounds it saved, and its later calls must keep their keys.
     */
    default ToolOutcome call(String tool, Map<String, Object> args, String position) {
        return call(tool, args);
    }
}
