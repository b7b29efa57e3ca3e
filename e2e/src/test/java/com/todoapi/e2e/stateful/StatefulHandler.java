package com.todoapi.e2e.stateful;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the statelessness rules must catch: each field and call here breaks one. Never deployed. */
public final class StatefulHandler implements RequestStreamHandler {
    static int requestsServed;
    static final List<String> RECENT_USERS = new ArrayList<>();
    private String currentUser;
    private final List<String> seen = new ArrayList<>();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        requestsServed++;
        currentUser = "user";
        seen.add(currentUser);
        RECENT_USERS.add(currentUser);
        Files.writeString(Path.of("/tmp/last-user"), currentUser);
    }
}
