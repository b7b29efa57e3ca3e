package com.todoapi.functions.tasks;

import com.todoapi.http.HttpResponse;
import com.todoapi.http.JsonBody;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.tasks.NewTask;
import com.todoapi.tasks.TaskService;
import com.todoapi.wiring.Services;

import java.util.Set;

/** {@code POST /v1/tasks}: {@code {title, description?}} gives 201 with the task; honours {@code Idempotency-Key}. */
public final class CreateTaskHandler extends AuthenticatedFunction {
    private final TaskService tasks;

    public CreateTaskHandler() {
        this(Services.fromEnvironment());
    }

    CreateTaskHandler(Services services) {
        super(services.platform());
        this.tasks = services.tasks();
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        JsonBody body = request.body().allowOnly(Set.of("title", "description"));
        String title = body.text("title").orElse(null);
        String description = body.textOrNull("description", "").orElse("");
        body.done();
        TaskService.Created created = tasks.create(request.userId(), new NewTask(title, description),
                request.header("idempotency-key"));
        return TaskResponses.created(created.task(), created.replayed());
    }
}
