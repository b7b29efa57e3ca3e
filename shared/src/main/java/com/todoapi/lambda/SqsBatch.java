package com.todoapi.lambda;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** The SQS event Lambda hands a queue worker, as far as the workers read it. */
public record SqsBatch(@JsonProperty("Records") List<Record> records) {

    public SqsBatch {
        records = records == null ? List.of() : List.copyOf(records);
    }

    public record Record(@JsonProperty("messageId") String messageId,
                         @JsonProperty("receiptHandle") String receiptHandle,
                         @JsonProperty("body") String body,
                         @JsonProperty("attributes") Map<String, String> attributes) {

        /** How many times SQS has handed this message out, this time included. */
        public int receiveCount() {
            String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
            try {
                return count == null ? 1 : Integer.parseInt(count);
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }

    /** The answer with {@code ReportBatchItemFailures}: the messages to hand out again. */
    public record Failures(@JsonProperty("batchItemFailures") List<Failure> batchItemFailures) {
        public static Failures of(List<String> messageIds) {
            return new Failures(messageIds.stream().map(Failure::new).toList());
        }
    }

    public record Failure(@JsonProperty("itemIdentifier") String itemIdentifier) {
    }
}
