package com.todoapi.functions.conversations;

import com.todoapi.conversations.Conversation;
import com.todoapi.conversations.ConversationRules;
import com.todoapi.conversations.ConversationService;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.JsonBody;
import com.todoapi.http.Responses;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.wiring.Services;

import java.util.Map;
import java.util.Set;

/** {@code POST /v1/conversations}: {@code {title?}} gives 201 with the conversation; honours {@code Idempotency-Key}. */
public final class CreateConversationHandler extends AuthenticatedFunction {
    private final ConversationService conversations;

    public CreateConversationHandler() {
        this(Services.fromEnvironment());
    }

    CreateConversationHandler(Services services) {
        super(services.platform());
        this.conversations = services.conversations();
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        JsonBody body = request.bodyOrEmpty().allowOnly(Set.of("title"));
        String title = body.text("title").orElse(null);
        body.done();
        IdempotentRunner.Outcome<Conversation> created = conversations.create(request.userId(),
                ConversationRules.title(title), request.header("idempotency-key"));
        return Responses.json(201, ConversationView.of(created.value())).withHeaders(Map.of(
                "location", "/v1/conversations/" + created.value().id(),
                "idempotent-replayed", Boolean.toString(created.replayed())));
    }
}
