package com.todoapi.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.local.emulator.LocalAws;
import com.todoapi.local.emulator.LocalResources;
import com.todoapi.local.lambda.FunctionPool;
import com.todoapi.local.lambda.InvocationResult;
import com.todoapi.local.template.SqsSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An SQS event source mapping, as Lambda runs it: long-polls the queue, invokes the function
 * with a batch, deletes what succeeded. A function error leaves the whole batch to come back
 * after the visibility timeout; with {@code ReportBatchItemFailures} only the reported
 * messages do. The queue's own redrive policy moves a message to its DLQ after
 * {@code maxReceiveCount} receives.
 */
public final class SqsPoller implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_RECEIVE = 10;

    private final SqsSource source;
    private final LocalResources.LocalQueue queue;
    private final FunctionPool pool;
    private final SqsClient sqs;
    private final Consumer<String> log;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    public SqsPoller(SqsSource source, LocalResources resources, LocalAws aws, FunctionPool pool, Consumer<String> log) {
        this.source = source;
        this.queue = resources.queue(source.queueLogicalId());
        this.pool = pool;
        this.sqs = aws.sqs();
        this.log = log;
    }

    public void start() {
        for (int i = 0; i < Math.max(1, source.maximumConcurrency()); i++) {
            workers.add(Thread.ofVirtual().name("sqs-" + source.name() + "-" + i).start(this::pollLoop));
        }
    }

    private void pollLoop() {
        while (running) {
            try {
                List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queue.url())
                        .maxNumberOfMessages(Math.min(MAX_RECEIVE, source.batchSize()))
                        .waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")).messages();
                if (!batch.isEmpty() && running) {
                    deliver(batch);
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.accept("[sqs " + queue.name() + "] poll failed: " + e.getMessage());
                    sleep();
                }
            }
        }
    }

    private void deliver(List<Message> batch) {
        InvocationResult result = pool.invoke(event(batch));
        Set<String> failed = failedMessageIds(result, batch);
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : batch) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(message.messageId())
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queue.url()).entries(done));
        }
        if (!failed.isEmpty()) {
            log.accept("[sqs " + queue.name() + "] " + failed.size() + " of " + batch.size()
                    + " message(s) failed; they return after the visibility timeout");
        }
    }

    /** Which messages go back to the queue, by Lambda's rules for batch item failures. */
    private Set<String> failedMessageIds(InvocationResult result, List<Message> batch) {
        Set<String> all = new HashSet<>();
        batch.forEach(m -> all.add(m.messageId()));
        if (!(result instanceof InvocationResult.Success success)) {
            return all;
        }
        if (!source.reportBatchItemFailures()) {
            return Set.of();
        }
        try {
            JsonNode response = MAPPER.readTree(success.payload());
            if (response == null || response.isNull() || !response.has("batchItemFailures")) {
                return Set.of();
            }
            Set<String> failed = new HashSet<>();
            for (JsonNode failure : response.get("batchItemFailures")) {
                String id = failure.path("itemIdentifier").asText("");
                if (!all.contains(id)) {
                    return all; // an unknown or empty identifier fails the whole batch, as in Lambda
                }
                failed.add(id);
            }
            return failed;
        } catch (IOException unreadable) {
            return Set.of();
        }
    }

    private byte[] event(List<Message> batch) {
        ObjectNode event = MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            for (Map.Entry<String, MessageAttributeValue> a : message.messageAttributes().entrySet()) {
                ObjectNode value = messageAttributes.putObject(a.getKey());
                value.put("stringValue", a.getValue().stringValue());
                value.put("dataType", a.getValue().dataType());
                value.putArray("stringListValues");
                value.putArray("binaryListValues");
            }
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queue.arn());
            record.put("awsRegion", LocalAws.REGION);
        }
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sqs.close();
    }
}
