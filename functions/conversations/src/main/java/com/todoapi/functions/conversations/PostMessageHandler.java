package com.todoapi.functions.conversations;

import com.todoapi.conversations.ConversationRules;
import com.todoapi.conversations.ConversationService;
import com.todoapi.conversations.Message;
import com.todoapi.conversations.MessageView;
import com.todoapi.conversations.PostedMessage;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.JsonBody;
import com.todoapi.http.Responses;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.wiring.Services;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code POST /v1/conversations/{conversation_id}/messages}: {@code {content}} stores the message and
 * a pending reply and enqueues the reply's job: 202. With {@code Prefer: wait=N}, 200 with the
 * reply if a worker writes it within N seconds. Honours {@code Idempotency-Key}.
 */
public final class PostMessageHandler extends AuthenticatedFunction {
    private final ConversationService conversations;

    public PostMessageHandler() {
        this(Services.fromEnvironment());
    }

    PostMessageHandler(Services services) {
        super(services.platform());
        this.conversations = services.conversations(services.jobs());
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        long conversationId = request.pathNumber("conversation_id");
        JsonBody body = request.body().allowOnly(Set.of("content"));
        String content = body.text("content").orElse(null);
        body.done();
        OptionalInt wait = request.preferredWait(ReplyWaits.MAX_WAIT_SECONDS);
        IdempotentRunner.Outcome<PostedMessage> posted = conversations.post(request.userId(), conversationId,
                ConversationRules.content("content", content), request.header("idempotency-key"));
        Optional<Message> reply = wait.isPresent()
                ? conversations.awaitReply(request.userId(), conversationId, posted.value().reply().number(),
                        ReplyWaits.within(request, wait.getAsInt()))
                : Optional.empty();
        Map<String, String> headers = new HashMap<>();
        headers.put("location", "/v1/conversations/" + conversationId + "/messages");
        headers.put("idempotent-replayed", Boolean.toString(posted.replayed()));
        wait.ifPresent(seconds -> headers.put("preference-applied", "wait=" + seconds));
        MessageView message = MessageView.of(posted.value().message());
        HttpResponse response = reply
                .map(settled -> Responses.json(200, new Answered(message, MessageView.of(settled))))
                .orElseGet(() -> Responses.json(202, new Accepted(message, MessageView.Pending.of(posted.value().reply()))));
        return response.withHeaders(headers);
    }

    record Accepted(MessageView message, MessageView.Pending reply) {
    }

    record Answered(MessageView message, MessageView reply) {
    }
}
