package com.todoapi.functions.tasks;

import com.todoapi.http.EntityTags;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.JsonBody;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.profile.ProfileService;
import com.todoapi.tasks.PlanChanges;
import com.todoapi.tasks.TaskChanges;
import com.todoapi.tasks.TaskService;
import com.todoapi.wiring.Services;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code PATCH /v1/tasks/{task_id}}: any of {@code title, description, completed, due, priority, labels,
 * recurrence, remind_at} ({@code null} clears one); {@code If-Match} guards it, {@code Idempotency-Key}
 * makes a retry (a recurring task's completion above all) change it once.
 */
public final class UpdateTaskHandler extends AuthenticatedFunction {
    private final TaskService tasks;
    private final ProfileService profiles;

    public UpdateTaskHandler() {
        this(Services.fromEnvironment());
    }

    UpdateTaskHandler(Services services) {
        super(services.platform());
        this.tasks = services.tasks();
        this.profiles = services.profiles();
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        long taskId = request.pathNumber("task_id");
        JsonBody body = request.body().allowOnly(fields());
        Optional<String> title = body.text("title");
        Optional<String> description = body.textOrNull("description", "");
        Optional<Boolean> completed = body.bool("completed");
        body.done();
        // The zone matters to times that float and to a recurring task's next occurrence.
        boolean needsZone = completed.orElse(false) || PlanningFields.names().stream().anyMatch(body::has);
        ZoneId zone = needsZone ? profiles.zoneOf(request.userId()) : java.time.ZoneOffset.UTC;
        PlanChanges plan = PlanningFields.read(body, zone);
        TaskChanges changes = new TaskChanges(title, description, completed, plan, zone);
        return TaskResponses.ok(tasks.updateWithKey(request.userId(), taskId, changes,
                EntityTags.ifMatch(request.header("if-match")), request.header("idempotency-key")));
    }

    private static Set<String> fields() {
        Set<String> fields = new HashSet<>(PlanningFields.names());
        fields.addAll(Set.of("title", "description", "completed"));
        return Set.copyOf(fields);
    }
}
