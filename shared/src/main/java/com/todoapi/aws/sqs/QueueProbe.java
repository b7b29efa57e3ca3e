package com.todoapi.aws.sqs;

import com.todoapi.health.Probe;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;

/** The chat queue answers. */
public record QueueProbe(SqsClient sqs, String queueUrl) implements Probe {
    private static final Duration BUDGET = Duration.ofSeconds(2);

    @Override
    public String name() {
        return "sqs";
    }

    @Override
    public void check() {
        sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                .overrideConfiguration(o -> o.apiCallTimeout(BUDGET)));
    }
}
