package com.todoapi.aws.sqs;

import com.todoapi.config.Env;
import com.todoapi.jobs.Job;
import com.todoapi.jobs.JobCodec;
import com.todoapi.jobs.JobQueue;
import com.todoapi.jobs.Redelivery;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Jobs to their SQS queues: replies to the chat queue ({@code CHAT_QUEUE_URL}), purges to the
 * cleanup queue ({@code CLEANUP_QUEUE_URL}). A function is given only the queues it may send to.
 */
public final class SqsJobQueue implements JobQueue, Redelivery {
    private final SqsClient sqs;
    private final Env env;

    public SqsJobQueue(SqsClient sqs, Env env) {
        this.sqs = sqs;
        this.env = env;
    }

    @Override
    public void send(Job job) {
        String url = switch (job) {
            case Job.Reply reply -> env.require("CHAT_QUEUE_URL");
            case Job.PurgeConversation purge -> env.require("CLEANUP_QUEUE_URL");
            case Job.PurgeUser purge -> env.require("CLEANUP_QUEUE_URL");
        };
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(JobCodec.encode(job)));
    }

    /** Lets a failed chat job come back after {@code seconds} instead of the queue's whole visibility timeout. */
    @Override
    public void redeliverChatJobAfter(String receiptHandle, int seconds) {
        sqs.changeMessageVisibility(b -> b.queueUrl(env.require("CHAT_QUEUE_URL"))
                .receiptHandle(receiptHandle).visibilityTimeout(seconds));
    }
}
