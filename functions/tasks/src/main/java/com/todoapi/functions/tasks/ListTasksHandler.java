package com.todoapi.functions.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.todoapi.domain.DomainException;
import com.todoapi.domain.Page;
import com.todoapi.domain.StatusFilter;
import com.todoapi.domain.Task;
import com.todoapi.http.ApiRequest;
import com.todoapi.http.AuthenticatedFunction;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.pagination.CursorCodec;
import com.todoapi.tasks.TaskService;
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
        OptionalLong after = request.query("cursor")
                .map(cursor -> OptionalLong.of(position(cursors.decode(request.userId(), list, cursor))))
                .orElse(OptionalLong.empty());
        Page<Task, Long> page = tasks.list(request.userId(), filter, limit, after);
        String next = page.next().map(last -> cursors.encode(request.userId(), list, Long.toString(last))).orElse(null);
        return Responses.json(200, new TaskPage(page.items().stream().map(TaskView::of).toList(), next));
    }

    private static long position(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("cursor", "is not a cursor this list gave out");
        }
    }

    record TaskPage(List<TaskView> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
    }
}
