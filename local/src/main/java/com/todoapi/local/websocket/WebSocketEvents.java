package com.todoapi.local.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The events API Gateway sends a Lambda proxy integration of a WebSocket API, field for field as
 * AWS sends them (captured events: {@code events/websocket-*.json}): {@code CONNECT} with the
 * handshake's headers and query string, {@code MESSAGE} with the body and no headers, and
 * {@code DISCONNECT} with {@code disconnectStatusCode} and {@code disconnectReason}. Headers keep
 * the case the client sent; {@code headers} and {@code queryStringParameters} hold the last value
 * of a repeated name, the {@code multiValue} maps all of them (the REST payload format, which
 * WebSocket APIs use).
 */
final class WebSocketEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** What every event of one API shares. */
    record Api(String apiId, String stage, String domainName) {
    }

    private final Api api;

    WebSocketEvents(Api api) {
        this.api = api;
    }

    /**
     * An id shaped as API Gateway's, 16 characters ending in {@code =} ({@code TWegAcC4EowCHnA=}); URL-safe
     * base64, so that a connection id in an {@code @connections} path never holds a {@code /}.
     */
    static String newId() {
        byte[] bytes = new byte[11];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

    byte[] connect(Connection connection, List<Map.Entry<String, String>> headers, String rawQuery, Instant now) {
        ObjectNode event = JSON.createObjectNode();
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, List<String>> multi = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            single.put(header.getKey(), header.getValue());
            multi.computeIfAbsent(header.getKey(), k -> new ArrayList<>()).add(header.getValue());
        }
        event.set("headers", JSON.valueToTree(single));
        event.set("multiValueHeaders", JSON.valueToTree(multi));
        Map<String, List<String>> query = query(rawQuery);
        if (!query.isEmpty()) {
            Map<String, String> last = new LinkedHashMap<>();
            query.forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
            event.set("queryStringParameters", JSON.valueToTree(last));
            event.set("multiValueQueryStringParameters", JSON.valueToTree(query));
        }
        ObjectNode context = context(event, "$connect", "CONNECT", connection, now);
        context.putObject("identity").put("sourceIp", connection.sourceIp()).put("userAgent", connection.userAgent());
        event.put("isBase64Encoded", false);
        return bytes(event);
    }

    byte[] message(Connection connection, String routeKey, String body, boolean base64, Instant now) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode context = context(event, routeKey, "MESSAGE", connection, now);
        context.put("messageId", newId());
        context.putObject("identity").put("sourceIp", connection.sourceIp()).put("userAgent", connection.userAgent());
        event.put("body", body);
        event.put("isBase64Encoded", base64);
        return bytes(event);
    }

    byte[] disconnect(Connection connection, int statusCode, String reason, Instant now) {
        ObjectNode event = JSON.createObjectNode();
        // What AWS puts here: the Host, and empty forwarding and key headers.
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", api.domainName());
        headers.put("x-api-key", "");
        headers.put("X-Forwarded-For", "");
        headers.put("x-restapi", "");
        event.set("headers", JSON.valueToTree(headers));
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        event.set("multiValueHeaders", JSON.valueToTree(multi));
        ObjectNode context = context(event, "$disconnect", "DISCONNECT", connection, now);
        context.put("disconnectStatusCode", statusCode);
        context.put("disconnectReason", reason);
        context.putObject("identity").put("sourceIp", connection.sourceIp());
        event.put("isBase64Encoded", false);
        return bytes(event);
    }

    private ObjectNode context(ObjectNode event, String routeKey, String eventType, Connection connection, Instant now) {
        ObjectNode context = event.putObject("requestContext");
        String requestId = newId();
        context.put("routeKey", routeKey);
        context.put("eventType", eventType);
        context.put("extendedRequestId", requestId);
        context.put("requestTime", REQUEST_TIME.format(now));
        context.put("messageDirection", "IN");
        context.put("stage", api.stage());
        context.put("connectedAt", connection.connectedAt().toEpochMilli());
        context.put("requestTimeEpoch", now.toEpochMilli());
        context.put("requestId", requestId);
        context.put("domainName", api.domainName());
        context.put("connectionId", connection.id());
        context.put("apiId", api.apiId());
        return context;
    }

    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ObjectNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
