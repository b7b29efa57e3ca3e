package com.todoapi.tasks;

/**
 * Told of every change to a person's tasks after it is stored, whichever path made it (the REST
 * routes, the assistant's tools, MCP): the live {@code task.changed} event hangs here. A replayed
 * request changed nothing and tells nothing. Must not throw: the change is already made.
 */
public interface TaskListener {

    TaskListener NONE = new TaskListener() {
        @Override
        public void changed(String userId, Task task) {
        }

        @Override
        public void deleted(String userId, long taskId) {
        }
    };

    /** The task was created or changed; {@code task} is as stored. */
    void changed(String userId, Task task);

    void deleted(String userId, long taskId);
}
