package com.todoapi.functions.tasks;

import com.todoapi.http.EntityTags;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskView;

import java.util.Map;

/** The responses that carry one task: its JSON and its {@code ETag}. */
final class TaskResponses {
    private TaskResponses() {
    }

    static HttpResponse ok(Task task) {
        return Responses.json(200, TaskView.of(task)).withHeaders(Map.of("etag", EntityTags.of(task.version())));
    }

    static HttpResponse created(Task task, boolean replayed) {
        return Responses.json(201, TaskView.of(task)).withHeaders(Map.of(
                "etag", EntityTags.of(task.version()),
                "location", "/v1/tasks/" + task.id(),
                "idempotent-replayed", Boolean.toString(replayed)));
    }
}
