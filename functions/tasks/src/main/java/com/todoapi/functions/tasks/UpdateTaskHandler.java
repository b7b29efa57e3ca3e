package com.todoapi.functions.tasks;

import com.todoapi.http.EntityTags;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.JsonBody;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.tasks.TaskChanges;
import com.todoapi.tasks.TaskService;
import com.todoapi.wiring.Services;

import java.util.Optional;
import java.util.Set;

/** {@code PATCH /v1/tasks/{task_id}}: any of {@code title, description, completed}; {@code If-Match} guards it. */
public final class UpdateTaskHandler extends AuthenticatedFunction {
    private final TaskService tasks;

    public UpdateTaskHandler() {
        this(Services.fromEnvironment());
    }

    UpdateTaskHandler(Services services) {
        super(services.platform());
        this.tasks = services.tasks();
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        long taskId = request.pathNumber("task_id");
        JsonBody body = request.body().allowOnly(Set.of("title", "description", "completed"));
        Optional<String> title = body.text("title");
        Optional<String> description = body.textOrNull("description", "");
        Optional<Boolean> completed = body.bool("completed");
        body.done();
        TaskChanges changes = new TaskChanges(title, description, completed);
        return TaskResponses.ok(tasks.update(request.userId(), taskId, changes,
                EntityTags.ifMatch(request.header("if-match"))));
    }
}
