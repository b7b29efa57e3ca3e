package com.todoapi.functions.tasks;

import com.todoapi.http.EntityTags;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.tasks.TaskService;
import com.todoapi.wiring.Services;

/** {@code DELETE /v1/tasks/{task_id}}: 204; {@code If-Match} guards it. */
public final class DeleteTaskHandler extends AuthenticatedFunction {
    private final TaskService tasks;

    public DeleteTaskHandler() {
        this(Services.fromEnvironment());
    }

    DeleteTaskHandler(Services services) {
        super(services.platform());
        this.tasks = services.tasks();
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        tasks.delete(request.userId(), request.pathNumber("task_id"), EntityTags.ifMatch(request.header("if-match")));
        return Responses.noContent();
    }
}
