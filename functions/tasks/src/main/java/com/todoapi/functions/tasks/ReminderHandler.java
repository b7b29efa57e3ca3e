package com.todoapi.functions.tasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.todoapi.json.Json;
import com.todoapi.lambda.Priming;
import com.todoapi.lambda.PrimingEvents;
import com.todoapi.metrics.MetricsLog;
import com.todoapi.reminders.ReminderFirer;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskView;
import com.todoapi.wiring.Services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Runs at the start of every minute (its EventBridge schedule): fires every reminder due by then
 * (see {@link ReminderFirer}) and pushes each to its person's open connections, with the task as
 * {@code GET /v1/tasks/{id}} shows it. The event's content is not read: what is due is in the table.
 */
public final class ReminderHandler implements RequestStreamHandler {
    private final ReminderFirer reminders;
    private final Runnable tableRead;
    private final Priming priming = Priming.register(this::prime);
    private final MetricsLog metricsLog = MetricsLog.fromEnvironment();

    public ReminderHandler() {
        this(Services.forBackgroundWork());
    }

    ReminderHandler(Services services) {
        this.reminders = services.reminders(task -> Json.MAPPER.valueToTree(TaskView.of(task)));
        this.tableRead = services.primingTableRead();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        ReminderFirer.Tick tick = reminders.tick();
        Json.MAPPER.writeValue(output, tick);
        metricsLog.flush(tick.metrics());
    }

    /** Before a SnapStart snapshot: JSON both ways, a task rendered, one table read; no tick (it would fire). */
    private void prime() {
        try {
            Json.MAPPER.writeValueAsBytes(Json.MAPPER.readTree(PrimingEvents.emptyBatch()));
            Json.MAPPER.writeValueAsBytes(Json.MAPPER.valueToTree(TaskView.of(
                    new Task(1, "priming", "", false, Instant.EPOCH, Instant.EPOCH, 1))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tableRead.run();
    }

    public Priming priming() {
        return priming;
    }
}
