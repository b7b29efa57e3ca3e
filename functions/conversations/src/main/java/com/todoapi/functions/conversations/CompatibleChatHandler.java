package com.todoapi.functions.conversations;

import com.todoapi.agent.ToolCall;
import com.todoapi.conversations.ConversationRules;
import com.todoapi.conversations.ConversationService;
import com.todoapi.conversations.Message;
import com.todoapi.conversations.MessageView;
import com.todoapi.conversations.PostedMessage;
import com.todoapi.http.ApiException;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.JsonBody;
import com.todoapi.http.Responses;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.wiring.Services;

import com.todoapi.log.RequestLog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/{user_id}/chat}, the contract many todo-chat front ends speak:
 * {@code {"conversation_id"?, "message"}} answers {@code 200 {"conversation_id", "response", "tool_calls"}}
 * once the worker's reply is written (waiting as {@code Prefer: wait=25} does), else 202 with the
 * conversation id and the pending reply. {@code user_id} must be the token's {@code sub}: 403 otherwise.
 * Lenient where front ends differ, unlike /v1: {@code conversation_id: null} starts a new conversation,
 * and fields it does not read are ignored.
 */
public final class CompatibleChatHandler extends AuthenticatedFunction {
    private final ConversationService conversations;

    public CompatibleChatHandler() {
        this(Services.fromEnvironment());
    }

    CompatibleChatHandler(Services services) {
        super(services.platform());
        this.conversations = services.conversations(services.jobs());
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        if (!request.userId().equals(request.http().pathParameter("user_id").orElse(""))) {
            throw new ApiException(403, "forbidden", "The user in the path is not the user of the token");
        }
        JsonBody body = request.body();
        int ignored = body.countUnknown(Set.of("conversation_id", "message"));
        if (ignored > 0) {
            // Front ends differ in what they send; the count, never the names or values, is logged.
            RequestLog.work("INFO", "compat_fields_ignored", Map.of("count", ignored), null);
        }
        Optional<Long> conversationId = body.positiveNumberOrNull("conversation_id");
        String message = body.text("message").orElse(null);
        body.done();
        String content = ConversationRules.content("message", message);
        Optional<String> key = request.header("idempotency-key");
        PostedMessage posted = conversationId
                .map(id -> conversations.post(request.userId(), id, content, key))
                .orElseGet(() -> conversations.postToNewConversation(request.userId(), content, key))
                .value();
        Optional<Message> reply = conversations.awaitReply(request.userId(), posted.conversationId(),
                posted.reply().number(), ReplyWaits.within(request, ReplyWaits.MAX_WAIT_SECONDS));
        return reply
                .map(settled -> Responses.json(200, new Answer(posted.conversationId(), settled.content(),
                        settled.toolCalls(), settled.status().wireName())))
                .orElseGet(() -> Responses.json(202, new Pending(posted.conversationId(),
                        MessageView.Pending.of(posted.reply()))));
    }

    /** {@code status} is "completed", or "failed" when the assistant could not answer. */
    record Answer(long conversationId, String response, List<ToolCall> toolCalls, String status) {
    }

    record Pending(long conversationId, MessageView.Pending reply) {
    }
}
