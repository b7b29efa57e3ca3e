package com.todoapi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain HTTP client for the local runtime's front door, as any API client would talk to it.
 * Every response it gets is checked against {@code openapi.yaml} and fails the test if it breaks it.
 */
public final class ServiceClient {
    private static final AtomicLong CHECKED = new AtomicLong();
    private static final AtomicLong BROKEN = new AtomicLong();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ServiceClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Any method, with a body when {@code body} is not null, and headers as name, value pairs. */
    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            List<String> violations = Contract.INSTANCE.violations(request.method(), request.uri(), response);
            CHECKED.incrementAndGet();
            if (!violations.isEmpty()) {
                BROKEN.incrementAndGet();
                throw new AssertionError("The response breaks openapi.yaml:\n  " + String.join("\n  ", violations));
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many responses this JVM's clients have checked against the contract. */
    public static long responsesChecked() {
        return CHECKED.get();
    }

    /** How many of them broke it (each failed its test). */
    public static long responsesBroken() {
        return BROKEN.get();
    }

    private static final class Contract {
        static final OpenApiContract INSTANCE = OpenApiContract.ofRepository();
    }
}
