package com.todoapi.live;

import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskListener;

/** Every stored change to a person's tasks, pushed to their open connections as {@code task.changed}. */
public final class LiveTaskEvents implements TaskListener {
    private final LivePublisher publisher;

    public LiveTaskEvents(LivePublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void changed(String userId, Task task) {
        publisher.publish(userId, LiveEvents.taskChanged(task));
    }

    @Override
    public void deleted(String userId, long taskId) {
        publisher.publish(userId, LiveEvents.taskDeleted(taskId));
    }
}
