package com.todoapi.agent.openai;

import com.todoapi.agent.model.ModelCallException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON POST on {@link HttpURLConnection}, the HTTP stack the functions' AWS SDK clients
 * already load (url-connection-client): the JDK's newer {@code java.net.http} client would add
 * about 600 classes to the chat worker's cold start (docs/benchmarks.md). An answer is read whole
 * ({@link #send}) or as it arrives ({@link #stream}: a streamed completion's events); the read
 * timeout bounds each wait for bytes. A body read to its end leaves the connection to the JDK's
 * keep-alive cache for the turn's next round. Failures say nothing of the request, the key or the answer.
 */
final class JsonPost {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** A status, its body as text, and its headers by lower-case name. */
    record Answered(int status, String body, Map<String, String> headers) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }
    }

    private JsonPost() {
    }

    static Answered send(URI uri, Map<String, String> headers, String body, Duration timeout) {
        return exchange(uri, headers, body, timeout, "application/json", (connection, status) -> new Answered(status,
                text(status >= 400 ? connection.getErrorStream() : connection.getInputStream()), headersOf(connection)));
    }

    /** Reads a 200's body as it arrives; what it gives, or the failure's status and body. */
    interface BodyReader<T> {
        T read(InputStream body, String contentType) throws IOException;
    }

    /** A 200 read by the reader ({@code value}), or any other answer read whole ({@code failure}). */
    record Streamed<T>(Optional<T> value, Optional<Answered> failure) {
    }

    /**
     * As {@link #send}, asking for {@code text/event-stream} and handing a 200's body to
     * {@code reader} while it arrives. The read timeout bounds each wait for the next bytes; the
     * reader bounds the whole call.
     */
    static <T> Streamed<T> stream(URI uri, Map<String, String> headers, String body, Duration timeout, BodyReader<T> reader) {
        return exchange(uri, headers, body, timeout, "text/event-stream", (connection, status) -> {
            if (status != 200) {
                return new Streamed<T>(Optional.empty(), Optional.of(new Answered(status,
                        text(status >= 400 ? connection.getErrorStream() : connection.getInputStream()), headersOf(connection))));
            }
            try (InputStream in = connection.getInputStream()) {
                T value = reader.read(in, Optional.ofNullable(connection.getContentType()).orElse(""));
                return new Streamed<>(Optional.of(value), Optional.empty());
            } catch (IOException | RuntimeException broken) {
                connection.disconnect(); // a body left half read must not go back to the keep-alive cache
                throw broken;
            }
        });
    }

    private interface Exchange<T> {
        T answered(HttpURLConnection connection, int status) throws IOException;
    }

    private static <T> T exchange(URI uri, Map<String, String> headers, String body, Duration timeout, String accept,
                                  Exchange<T> exchange) {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection();
        } catch (IOException | IllegalArgumentException badUrl) {
            throw ModelCallException.permanent("the model's base URL cannot be opened");
        }
        try {
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(millis(CONNECT_TIMEOUT.compareTo(timeout) < 0 ? CONNECT_TIMEOUT : timeout));
            connection.setReadTimeout(millis(timeout));
            connection.setDoOutput(true);
            connection.setUseCaches(false);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Accept", accept);
            headers.forEach((name, value) -> {
                if (!isFieldValue(value)) { // never quoted: the value is the key
                    throw ModelCallException.permanent("the API key is not a valid HTTP header value");
                }
                connection.setRequestProperty(name, value);
            });
            // The request is not sent in chunks: a chunked request body leaves no error body to read after a 401.
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
            return exchange.answered(connection, connection.getResponseCode());
        } catch (SocketTimeoutException timedOut) {
            connection.disconnect();
            throw ModelCallException.retryable("the model did not answer within " + timeout.toMillis() + " ms", null);
        } catch (IOException unreachable) {
            connection.disconnect();
            throw new ModelCallException(ModelCallException.Kind.RETRYABLE, "the model could not be reached ("
                    + unreachable.getClass().getSimpleName() + ")", null, null);
        }
    }

    /** RFC 9110's field-value: visible characters, spaces and tabs (the JDK itself refuses only CR and LF). */
    private static boolean isFieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                return false;
            }
        }
        return true;
    }

    private static String text(InputStream stream) throws IOException {
        if (stream == null) {
            return "";
        }
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> headersOf(HttpURLConnection connection) {
        Map<String, String> headers = new HashMap<>();
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null && !values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.getFirst());
            }
        });
        return headers;
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }
}
