package com.todoapi.functions.conversations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.todoapi.conversations.ConversationService;
import com.todoapi.conversations.Message;
import com.todoapi.conversations.MessageView;
import com.todoapi.domain.Page;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.pagination.CursorCodec;
import com.todoapi.wiring.Services;

import java.util.List;
import java.util.OptionalLong;

/** {@code GET /v1/conversations/{conversation_id}/messages?limit&cursor}: messages, oldest first. */
public final class ListMessagesHandler extends AuthenticatedFunction {
    private final ConversationService conversations;
    private final CursorCodec cursors;

    public ListMessagesHandler() {
        this(Services.fromEnvironment());
    }

    ListMessagesHandler(Services services) {
        super(services.platform());
        this.conversations = services.conversations();
        this.cursors = services.cursors();
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        long conversationId = request.pathNumber("conversation_id");
        int limit = request.pageLimit();
        String list = "messages:" + conversationId;
        OptionalLong after = cursors.decodeNumber(request.userId(), list, request.query("cursor"));
        Page<Message, Long> page = conversations.messages(request.userId(), conversationId, limit, after);
        String next = cursors.encodeNumber(request.userId(), list, page.next());
        return Responses.json(200, new MessagePage(page.items().stream().map(MessageView::of).toList(), next));
    }

    record MessagePage(List<MessageView> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
    }
}
