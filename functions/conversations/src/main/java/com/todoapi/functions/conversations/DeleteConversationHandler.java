package com.todoapi.functions.conversations;

import com.todoapi.conversations.ConversationService;
import com.todoapi.conversations.ConversationStore;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.wiring.Services;

/**
 * {@code DELETE /v1/conversations/{conversation_id}}: 204 when it is gone; 202 when it is large
 * enough to be purged in the background (it is already invisible to every read).
 */
public final class DeleteConversationHandler extends AuthenticatedFunction {
    private final ConversationService conversations;

    public DeleteConversationHandler() {
        this(Services.fromEnvironment());
    }

    DeleteConversationHandler(Services services) {
        super(services.platform());
        this.conversations = services.conversations(services.jobs());
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        long id = request.pathNumber("conversation_id");
        if (conversations.delete(request.userId(), id) == ConversationStore.Deletion.DELETED) {
            return Responses.noContent();
        }
        return Responses.json(202, new Deleting(id, "deleting"));
    }

    record Deleting(long id, String status) {
    }
}
