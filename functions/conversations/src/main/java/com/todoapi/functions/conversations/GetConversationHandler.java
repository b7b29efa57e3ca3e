package com.todoapi.functions.conversations;

import com.todoapi.conversations.ConversationService;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.wiring.Services;

/** {@code GET /v1/conversations/{conversation_id}}: one conversation. */
public final class GetConversationHandler extends AuthenticatedFunction {
    private final ConversationService conversations;

    public GetConversationHandler() {
        this(Services.fromEnvironment());
    }

    GetConversationHandler(Services services) {
        super(services.platform());
        this.conversations = services.conversations();
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        long id = request.pathNumber("conversation_id");
        return Responses.json(200, ConversationView.of(conversations.get(request.userId(), id)));
    }
}
