package com.todoapi.functions.tasks;

import com.todoapi.http.HttpResponse;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.tasks.TaskService;
import com.todoapi.wiring.Services;

/** {@code GET /v1/tasks/{task_id}}: the task with its {@code ETag}. */
public final class GetTaskHandler extends AuthenticatedFunction {
    private final TaskService tasks;

    public GetTaskHandler() {
        this(Services.fromEnvironment());
    }

    GetTaskHandler(Services services) {
        super(services.platform());
        this.tasks = services.tasks();
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        return TaskResponses.ok(tasks.get(request.userId(), request.pathNumber("task_id")));
    }
}
