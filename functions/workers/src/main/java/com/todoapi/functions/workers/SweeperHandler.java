package com.todoapi.functions.workers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.todoapi.json.Json;
import com.todoapi.lambda.Priming;
import com.todoapi.lambda.PrimingEvents;
import com.todoapi.metrics.MetricsLog;
import com.todoapi.sweeper.StuckWorkSweeper;
import com.todoapi.wiring.Services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Runs on its EventBridge schedule: settles replies stuck pending and deletions left unfinished
 * (see {@link StuckWorkSweeper}). An event whose {@code detail-type} is {@value #RESEND_ALL}
 * re-drives every unsettled job at once instead: the local runtime sends it when it starts with
 * empty queues, and an operator can after purging a queue. Answers with what it did, and prints it as metrics.
 */
public final class SweeperHandler implements RequestStreamHandler {
    static final String RESEND_ALL = "Resend pending work";

    private final StuckWorkSweeper sweeper;
    private final Runnable tableRead;
    private final Priming priming = Priming.register(this::prime);
    private final MetricsLog metricsLog = MetricsLog.fromEnvironment();

    public SweeperHandler() {
        this(Services.forBackgroundWork());
    }

    SweeperHandler(Services services) {
        this.sweeper = services.sweeper(services.jobs());
        this.tableRead = services.primingTableRead();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        boolean resendAll = RESEND_ALL.equals(Json.MAPPER.readTree(input).path("detail-type").asText());
        StuckWorkSweeper.Sweep sweep = resendAll ? sweeper.resendAll() : sweeper.sweep();
        Json.MAPPER.writeValue(output, sweep);
        metricsLog.flush(sweep.metrics());
    }

    /** Before a SnapStart snapshot: JSON both ways and one table read, but no sweep (it would act). */
    private void prime() {
        try {
            Json.MAPPER.writeValueAsBytes(Json.MAPPER.readTree(PrimingEvents.emptyBatch()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tableRead.run();
    }

    public Priming priming() {
        return priming;
    }
}
