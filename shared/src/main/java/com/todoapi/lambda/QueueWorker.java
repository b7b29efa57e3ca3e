package com.todoapi.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.todoapi.jobs.Job;
import com.todoapi.jobs.JobCodec;
import com.todoapi.json.Json;
import com.todoapi.log.RequestLog;
import com.todoapi.metrics.Metrics;
import com.todoapi.metrics.MetricsLog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every SQS worker shares: each message of the batch is a job on its own; a job that throws
 * is reported in {@code batchItemFailures} (ReportBatchItemFailures), so only it comes back, and
 * after the queue's {@code maxReceiveCount} it moves to the dead-letter queue.
 */
public abstract class QueueWorker implements RequestStreamHandler {
    private final Priming priming = Priming.register(this::prime);
    private final MetricsLog metricsLog = MetricsLog.fromEnvironment();

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        SqsBatch batch = Json.MAPPER.readValue(input, SqsBatch.class);
        TimeBudget budget = TimeBudget.of(context);
        List<String> failed = new ArrayList<>();
        Metrics metrics = new Metrics();
        for (SqsBatch.Record record : batch.records()) {
            long started = System.nanoTime();
            try {
                String outcome = process(JobCodec.decode(record.body()), budget, metrics);
                log("INFO", record, outcome, started, null);
            } catch (RuntimeException failure) {
                failed.add(record.messageId());
                log("WARN", record, "failed", started, failure);
                afterFailure(record, failure, metrics);
            }
        }
        Json.MAPPER.writeValue(output, SqsBatch.Failures.of(failed));
        metricsLog.flush(metrics);
    }

    /** The hot path before a SnapStart snapshot: an empty batch through the worker, then {@link #primeJobs()}. */
    private void prime() {
        try {
            handleRequest(new ByteArrayInputStream(PrimingEvents.emptyBatch()), OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        primeJobs();
    }

    /** What a worker reads to do a job, done once for nobody's data: read-only. */
    protected abstract void primeJobs();

    public final Priming priming() {
        return priming;
    }

    /**
     * Does the job; returns a word for the log. Throwing sends the message back to the queue.
     * {@code metrics} collects what the whole batch counted, printed once at the invocation's end.
     */
    protected abstract String process(Job job, TimeBudget budget, Metrics metrics);

    /** Called after a job failed, before its message goes back: the place to give up on a last attempt. */
    protected void afterFailure(SqsBatch.Record record, RuntimeException failure, Metrics metrics) {
    }

    private static void log(String level, SqsBatch.Record record, String outcome, long started, Throwable failure) {
        RequestLog.work(level, "job", Map.of("message_id", String.valueOf(record.messageId()),
                "receive_count", record.receiveCount(), "outcome", outcome,
                "latency_ms", Math.round((System.nanoTime() - started) / 10_000.0) / 100.0), failure);
    }
}
