package com.todoapi.functions.workers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.todoapi.chat.StuckWorkSweeper;
import com.todoapi.json.Json;
import com.todoapi.wiring.Services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Runs on its EventBridge schedule: settles replies stuck pending and deletions left unfinished
 * (see {@link StuckWorkSweeper}). Answers with what it did, for the log and for tests.
 */
public final class SweeperHandler implements RequestStreamHandler {
    private final StuckWorkSweeper sweeper;

    public SweeperHandler() {
        this(Services.fromEnvironment());
    }

    SweeperHandler(Services services) {
        this.sweeper = services.sweeper(services.jobs());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        Json.MAPPER.writeValue(output, sweeper.sweep());
    }
}
