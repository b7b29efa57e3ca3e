package com.todoapi.local.template;

import java.util.Map;
import java.util.Optional;

/** An {@code AWS::SQS::Queue} resource. */
public record QueueSpec(String logicalId, Map<String, Object> properties) {

    /** The logical id of the dead-letter queue its redrive policy names, if any. */
    public Optional<String> deadLetterQueue() {
        Object target = Yaml.map(properties.get("RedrivePolicy")).get("deadLetterTargetArn");
        Object getAtt = Yaml.map(target).get("Fn::GetAtt");
        return getAtt == null ? Optional.empty() : Optional.of(String.valueOf(Yaml.list(getAtt).get(0)));
    }

    public int maxReceiveCount() {
        return Yaml.integer(Yaml.map(properties.get("RedrivePolicy")).get("maxReceiveCount"), 0);
    }

    public int visibilityTimeoutSeconds() {
        return Yaml.integer(properties.get("VisibilityTimeout"), 30);
    }

    public boolean fifo() {
        return Boolean.parseBoolean(String.valueOf(properties.get("FifoQueue")));
    }
}
