package com.todoapi.local.template;

import java.util.Map;

/** An {@code SQS} event source: which queue, how many messages a batch, partial failures or not. */
public record SqsSource(String name, String queueLogicalId, int batchSize, boolean reportBatchItemFailures,
                        int maximumConcurrency, boolean enabled) {

    static SqsSource of(String name, Map<String, Object> p) {
        Object queue = p.get("Queue");
        Object getAtt = Yaml.map(queue).get("Fn::GetAtt");
        if (getAtt == null) {
            throw new IllegalArgumentException("SQS event " + name + ": Queue must be !GetAtt <Queue>.Arn of a queue in the template");
        }
        boolean partial = Yaml.list(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures");
        int concurrency = Yaml.integer(Yaml.map(p.get("ScalingConfig")).get("MaximumConcurrency"), 2);
        return new SqsSource(name, String.valueOf(Yaml.list(getAtt).get(0)),
                Yaml.integer(p.get("BatchSize"), 10), partial, concurrency,
                !"false".equalsIgnoreCase(String.valueOf(p.get("Enabled"))));
    }
}
