package com.todoapi.functions.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.todoapi.domain.DomainException;
import com.todoapi.domain.Page;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.idempotency.IdempotencyKeys;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.pagination.CursorCodec;
import com.todoapi.profile.ProfileService;
import com.todoapi.tasks.Priority;
import com.todoapi.tasks.StatusFilter;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskOrder;
import com.todoapi.tasks.TaskQuery;
import com.todoapi.tasks.TaskService;
import com.todoapi.tasks.TaskTime;
import com.todoapi.tasks.TaskView;
import com.todoapi.wiring.Services;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/tasks?status&overdue&due_before&due_after&label&priority&q&sort&limit&cursor}: a page
 * of tasks. Each filter and order is its own list for cursors: a cursor of another is refused.
 */
public final class ListTasksHandler extends AuthenticatedFunction {
    private final TaskService tasks;
    private final CursorCodec cursors;
    private final ProfileService profiles;
    private final Clock clock;

    public ListTasksHandler() {
        this(Services.fromEnvironment());
    }

    ListTasksHandler(Services services) {
        super(services.platform());
        this.tasks = services.tasks();
        this.cursors = services.cursors();
        this.profiles = services.profiles();
        this.clock = Clock.systemUTC();
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        StatusFilter filter = StatusFilter.parse(request.query("status").orElse(null));
        int limit = request.pageLimit();
        Optional<String> dueBefore = request.query("due_before");
        Optional<String> dueAfter = request.query("due_after");
        Optional<Boolean> overdue = request.query("overdue").map(ListTasksHandler::bool);
        TaskOrder order = TaskOrder.parse(request.query("sort").orElse(null));
        boolean needsZone = overdue.isPresent() || dueBefore.isPresent() || dueAfter.isPresent() || order == TaskOrder.DUE;
        ZoneId zone = needsZone ? profiles.zoneOf(request.userId()) : ZoneOffset.UTC;
        TaskQuery query = new TaskQuery(filter, overdue, false,
                dueBefore.map(text -> TaskTime.parse("due_before", text, zone)),
                dueAfter.map(text -> TaskTime.parse("due_after", text, zone)),
                request.query("label"),
                request.query("priority").map(text -> Priority.parse("priority", text)),
                request.query("q"), order, zone, clock.instant());
        // A list of status alone keeps the cursors it always gave (a task number).
        String list = query.statusOnly() ? "tasks:" + filter.wireName()
                : "tasks:" + IdempotencyKeys.digest(query.signature()).substring(0, 32);
        Optional<String> after = request.query("cursor").map(cursor -> cursors.decode(request.userId(), list, cursor));
        if (query.statusOnly()) {
            after = after.map(number -> "~" + number);
        }
        Page<Task, String> page = tasks.search(request.userId(), query, limit, after);
        String next = page.next()
                .map(position -> query.statusOnly() ? position.substring(position.lastIndexOf('~') + 1) : position)
                .map(position -> cursors.encode(request.userId(), list, position))
                .orElse(null);
        return Responses.json(200, new TaskPage(page.items().stream().map(TaskView::of).toList(), next));
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw DomainException.invalid("overdue", "must be true or false");
        };
    }

    record TaskPage(List<TaskView> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
    }
}
