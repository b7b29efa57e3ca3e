package com.todoapi.functions.conversations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.todoapi.conversations.Conversation;
import com.todoapi.conversations.ConversationService;
import com.todoapi.domain.Page;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.pagination.CursorCodec;
import com.todoapi.wiring.Services;

import java.util.List;
import java.util.Optional;

/** {@code GET /v1/conversations?limit&cursor}: a page of conversations, most recently active first. */
public final class ListConversationsHandler extends AuthenticatedFunction {
    static final String LIST = "conversations";

    private final ConversationService conversations;
    private final CursorCodec cursors;

    public ListConversationsHandler() {
        this(Services.fromEnvironment());
    }

    ListConversationsHandler(Services services) {
        super(services.platform());
        this.conversations = services.conversations();
        this.cursors = services.cursors();
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        int limit = request.pageLimit();
        Optional<String> after = request.query("cursor").map(cursor -> cursors.decode(request.userId(), LIST, cursor));
        Page<Conversation, String> page = conversations.list(request.userId(), limit, after);
        String next = page.next().map(position -> cursors.encode(request.userId(), LIST, position)).orElse(null);
        return Responses.json(200, new ConversationPage(page.items().stream().map(ConversationView::of).toList(), next));
    }

    record ConversationPage(List<ConversationView> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
    }
}
