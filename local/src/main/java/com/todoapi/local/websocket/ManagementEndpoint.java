package com.todoapi.local.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code @connections} API the functions call through the SDK's
 * {@code ApiGatewayManagementApiClient} (service model apigatewaymanagementapi 2018-11-29,
 * protocol rest-json-1.1): {@code POST} sends the body to the connection ({@code 200}), {@code GET}
 * describes it ({@code 200 {connectedAt, identity{sourceIp, userAgent}, lastActiveAt}}, ISO 8601),
 * {@code DELETE} closes it ({@code 204}). A connection that is not open is {@code 410
 * GoneException}; data over 128 KB is {@code 413 PayloadTooLargeException}. The error's name
 * travels in {@code x-amzn-ErrorType}, where the SDK reads it. SigV4 signatures are not checked.
 */
final class ManagementEndpoint extends Handler.Abstract {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PATH = "/@connections/";

    private final String prefix;
    private final Connections connections;
    private final int maxMessageBytes;
    private final Consumer<String> log;

    ManagementEndpoint(String stage, Connections connections, int maxMessageBytes, Consumer<String> log) {
        this.prefix = "/" + stage + PATH;
        this.connections = connections;
        this.maxMessageBytes = maxMessageBytes;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getDecodedPath();
        if (path == null || !path.startsWith(prefix) || path.length() == prefix.length()) {
            return error(response, callback, 403, "ForbiddenException", "{\"message\":\"Forbidden\"}");
        }
        String id = path.substring(prefix.length());
        String method = request.getMethod();
        Optional<Connection> connection = connections.get(id);
        int status = switch (method) {
            case "POST" -> post(request, response, callback, connection);
            case "GET" -> connection.isEmpty() ? gone(response, callback) : describe(response, callback, connection.get());
            case "DELETE" -> connection.isEmpty() ? gone(response, callback) : delete(response, callback, connection.get());
            default -> {
                error(response, callback, 403, "ForbiddenException", "{\"message\":\"Forbidden\"}");
                yield 403;
            }
        };
        log.accept(String.format("[ws] %s @connections/%s -> %d", method, id, status));
        return true;
    }

    private int post(Request request, Response response, Callback callback, Optional<Connection> connection) throws Exception {
        byte[] data;
        try (InputStream in = Content.Source.asInputStream(request)) {
            data = in.readNBytes(maxMessageBytes + 1);
        }
        if (data.length > maxMessageBytes) {
            error(response, callback, 413, "PayloadTooLargeException",
                    "{\"message\":\"Message too long. Max message size is " + maxMessageBytes + " bytes.\"}");
            return 413;
        }
        if (connection.isEmpty()) {
            return gone(response, callback);
        }
        try {
            Optional<String> text = utf8(data);
            if (text.isPresent()) {
                connection.get().send(text.get());
            } else {
                connection.get().send(ByteBuffer.wrap(data));
            }
        } catch (Exception closedMeanwhile) {
            return gone(response, callback);
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.allocate(0), callback);
        return 200;
    }

    private static int describe(Response response, Callback callback, Connection connection) {
        ObjectNode body = JSON.createObjectNode();
        body.put("connectedAt", connection.connectedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        body.putObject("identity").put("sourceIp", connection.sourceIp()).put("userAgent", connection.userAgent());
        body.put("lastActiveAt", connection.lastActiveAt().truncatedTo(ChronoUnit.MILLIS).toString());
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, body.toString(), callback);
        return 200;
    }

    private static int delete(Response response, Callback callback, Connection connection) {
        connection.close(new Connection.ServerClose(1000, "Connection Closed Normally"));
        response.setStatus(204);
        response.write(true, ByteBuffer.allocate(0), callback);
        return 204;
    }

    private static int gone(Response response, Callback callback) {
        error(response, callback, 410, "GoneException", "{}");
        return 410;
    }

    private static boolean error(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put("x-amzn-ErrorType", type);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, body, callback);
        return true;
    }

    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException binary) {
            return Optional.empty();
        }
    }

}
