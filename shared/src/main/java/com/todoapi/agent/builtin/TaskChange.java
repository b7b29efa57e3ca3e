package com.todoapi.agent.builtin;

import com.todoapi.agent.memory.TaskFact;

import com.todoapi.agent.Toolbox;

/** The three tools that act on one existing task, with what each leaves in the summary. */
enum TaskChange {
    COMPLETE(Toolbox.COMPLETE_TASK, TaskFact.Kind.COMPLETED, "complete task "),
    DELETE(Toolbox.DELETE_TASK, TaskFact.Kind.DELETED, "delete task "),
    UPDATE(Toolbox.UPDATE_TASK, TaskFact.Kind.UPDATED, "update task ");

    private final String tool;
    private final TaskFact.Kind fact;
    private final String examplePrefix;

    TaskChange(String tool, TaskFact.Kind fact, String examplePrefix) {
        this.tool = tool;
        this.fact = fact;
        this.examplePrefix = examplePrefix;
    }

    String tool() {
        return tool;
    }

    TaskFact.Kind fact() {
        return fact;
    }

    /** How the person could say it for one task: "delete task 2". */
    String example(long taskId) {
        return examplePrefix + taskId;
    }
}
