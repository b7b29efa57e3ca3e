package com.todoapi.functions.tasks;

import com.todoapi.http.HttpResponse;
import com.todoapi.http.JsonBody;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.profile.ProfileService;
import com.todoapi.tasks.NewTask;
import com.todoapi.tasks.PlanChanges;
import com.todoapi.tasks.TaskService;
import com.todoapi.wiring.Services;

import java.util.HashSet;
import java.util.Set;

/**
 * {@code POST /v1/tasks}: {@code {title, description?, due?, priority?, labels?, recurrence?, remind_at?}}
 * gives 201 with the task; honours {@code Idempotency-Key}. Floating times are read in the person's zone.
 */
public final class CreateTaskHandler extends AuthenticatedFunction {
    private final TaskService tasks;
    private final ProfileService profiles;

    public CreateTaskHandler() {
        this(Services.fromEnvironment());
    }

    CreateTaskHandler(Services services) {
        super(services.platform());
        this.tasks = services.tasks();
        this.profiles = services.profiles();
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        JsonBody body = request.body().allowOnly(fields());
        String title = body.text("title").orElse(null);
        String description = body.textOrNull("description", "").orElse("");
        body.done();
        boolean plans = PlanningFields.names().stream().anyMatch(body::has);
        PlanChanges plan = plans ? PlanningFields.read(body, profiles.zoneOf(request.userId())) : PlanChanges.NONE;
        TaskService.Created created = tasks.create(request.userId(), new NewTask(title, description, plan.planning()),
                request.header("idempotency-key"));
        return TaskResponses.created(created.task(), created.replayed());
    }

    private static Set<String> fields() {
        Set<String> fields = new HashSet<>(PlanningFields.names());
        fields.add("title");
        fields.add("description");
        return Set.copyOf(fields);
    }
}
