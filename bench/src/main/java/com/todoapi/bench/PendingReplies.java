package com.todoapi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.aws.dynamodb.DynamoConversationStore;
import com.todoapi.conversations.Conversation;
import com.todoapi.conversations.Message;
import com.todoapi.conversations.PostedMessage;
import com.todoapi.jobs.Job;
import com.todoapi.jobs.JobCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversations with a message waiting for its reply, written to the table as the post route
 * writes them (the message and its pending reply in one transaction), and the chat worker's
 * event for that reply: the sample batch with the job's body in its one record. No job is sent
 * to the queue; the benchmark hands each event to the worker itself.
 */
final class PendingReplies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoConversationStore store;
    private final byte[] sampleBatch;

    PendingReplies(DynamoConversationStore store, Path events) throws IOException {
        this.store = store;
        this.sampleBatch = Files.readAllBytes(events.resolve("chat-worker-batch.json"));
    }

    /** A new, empty conversation of {@code userId}; its number. */
    long newConversation(String userId) {
        return store.create(userId, "Errands", Instant.now(), Optional.empty()).id();
    }

    /** How many messages the conversation holds (the number of its last). */
    long messageCount(String userId, long conversationId) {
        return store.find(userId, conversationId).orElseThrow().messageCount();
    }

    /** A new conversation of {@code userId} whose first message, {@code content}, waits for its reply. */
    Job.Reply firstMessage(String userId, String content) {
        Conversation conversation = store.create(userId, "Errands", Instant.now(), Optional.empty());
        return post(userId, conversation.id(), content);
    }

    /** {@code content} posted to the conversation; its reply pending. */
    Job.Reply post(String userId, long conversationId, String content) {
        PostedMessage posted = store.post(userId, conversationId, content, Instant.now(), Optional.empty());
        return new Job.Reply(userId, conversationId, posted.reply().number());
    }

    /** The reply as the table holds it now. */
    Message reply(Job.Reply job) {
        return store.message(job.userId(), job.conversationId(), job.replyNumber()).orElseThrow();
    }

    /** The conversation's rolling summary as the table holds it now. */
    String summary(String userId, long conversationId) {
        return store.find(userId, conversationId).orElseThrow().summary();
    }

    /** The chat queue's batch of one record carrying {@code job}, as the event source mapping delivers it. */
    byte[] workerEvent(Job.Reply job) throws IOException {
        ObjectNode batch = (ObjectNode) JSON.readTree(sampleBatch);
        ObjectNode record = (ObjectNode) batch.get("Records").get(0);
        record.put("messageId", UUID.randomUUID().toString());
        record.put("body", JobCodec.encode(job));
        return JSON.writeValueAsBytes(batch);
    }
}
