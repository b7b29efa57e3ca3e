package com.todoapi.bench.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The floor of a cold start: a handler that loads nothing and answers at once. */
public final class HelloHandler implements RequestStreamHandler {
    private static final byte[] HELLO = "{\"statusCode\":200,\"body\":\"hello\"}".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write(HELLO);
    }
}
