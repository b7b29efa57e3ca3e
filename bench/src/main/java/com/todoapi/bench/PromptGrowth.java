package com.todoapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.chat.ReplyTurns;
import com.todoapi.conversations.Message;
import com.todoapi.jobs.Job;
import com.todoapi.testing.FakeChatCompletions;

import java.nio.charset.StandardCharsets;

/**
 * What a turn sends the model at message 10 and at message 1,000: a conversation grown on
 * DynamoDB Local through real turns (each request posted, then answered by the worker's turn with
 * the OpenAI-compatible client and a fake model that adds the task and confirms it, so the table
 * holds what many turns leave: replies with their tool calls, the rolling summary), then one more
 * turn, whose first model request is counted as the fake counts it (UTF-8 bytes of messages and
 * tools, over 4), and taken apart: the system message (with the summary), the window of earlier
 * messages, the message answered, the tools.
 */
final class PromptGrowth {
    /** The message answered at each point: the same text, so only what the conversation holds differs. */
    static final String MEASURED = "Add a task to call the plumber";

    record Point(int message, long promptTokens, long systemTokens, long windowTokens, long questionTokens,
                 long toolsTokens, int summaryChars) {
    }

    private final PendingReplies replies;
    private final FakeChatCompletions model;
    private final ReplyTurns growing;
    private final ReplyTurns measured;

    PromptGrowth(PendingReplies replies, FakeChatCompletions model, ReplyTurns growing, ReplyTurns measured) {
        this.replies = replies;
        this.model = model;
        this.growing = growing;
        this.measured = measured;
    }

    /** The turn that writes message {@code replyNumber} (even: each request is followed by its reply). */
    Point at(int replyNumber) {
        String user = "bench-growth-" + replyNumber + "-" + System.nanoTime();
        int requests = replyNumber / 2;
        Job.Reply job = replies.firstMessage(user, requests == 1 ? MEASURED : Errands.request(1));
        for (int k = 1; k < requests; k++) {
            answer(growing, job);
            job = replies.post(user, job.conversationId(), k + 1 < requests ? Errands.request(k + 1) : MEASURED);
        }
        int summaryChars = replies.summary(user, job.conversationId()).length();
        int before = model.requestCount();
        answer(measured, job);
        JsonNode first = model.requests().get(before).body();
        JsonNode messages = first.path("messages");
        long window = 0;
        for (int i = 1; i < messages.size() - 1; i++) {
            window += bytes(messages.get(i));
        }
        return new Point(replyNumber, FakeChatCompletions.promptTokens(first), tokens(bytes(messages.get(0))),
                tokens(window), tokens(bytes(messages.get(messages.size() - 1))), tokens(bytes(first.path("tools"))),
                summaryChars);
    }

    private void answer(ReplyTurns turns, Job.Reply job) {
        turns.answer(job);
        Message reply = replies.reply(job);
        if (reply.status() != Message.Status.COMPLETED || reply.toolCalls().size() != 1 || reply.toolCalls().getFirst().failed()) {
            throw new IllegalStateException("A turn of the growing conversation went wrong: " + reply);
        }
    }

    private static long bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static long tokens(long bytes) {
        return (bytes + 3) / 4;
    }
}
