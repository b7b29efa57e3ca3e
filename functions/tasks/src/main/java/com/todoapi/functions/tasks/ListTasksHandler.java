package com.todoapi.functions.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.todoapi.domain.Page;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.pagination.CursorCodec;
import com.todoapi.tasks.StatusFilter;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskService;
import com.todoapi.tasks.TaskView;
import com.todoapi.wiring.Services;

import java.util.List;
import java.util.OptionalLong;

/** {@code GET /v1/tasks?status&limit&cursor}: a page of tasks, oldest first. */
public final class ListTasksHandler extends AuthenticatedFunction {
    private final TaskService tasks;
    private final CursorCodec cursors;

    public ListTasksHandler() {
        this(Services.fromEnvironment());
    }

    ListTasksHandler(Services services) {
        super(services.platform());
        this.tasks = services.tasks();
        this.cursors = services.cursors();
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        StatusFilter filter = StatusFilter.parse(request.query("status").orElse(null));
        int limit = request.pageLimit();
        String list = "tasks:" + filter.wireName();
        OptionalLong after = cursors.decodeNumber(request.userId(), list, request.query("cursor"));
        Page<Task, Long> page = tasks.list(request.userId(), filter, limit, after);
        String next = cursors.encodeNumber(request.userId(), list, page.next());
        return Responses.json(200, new TaskPage(page.items().stream().map(TaskView::of).toList(), next));
    }

    record TaskPage(List<TaskView> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
    }
}
