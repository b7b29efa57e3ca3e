package com.todoapi.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * Translates between HTTP and Lambda the way API Gateway HTTP APIs do with payload format 2.0:
 * a request becomes an event; the function's result becomes a response.
 */
final class HttpApiEvents {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                           byte[] body, String sourceIp, String requestId) {
    }

    record OutgoingResponse(int status, Map<String, List<String>> headers, byte[] body) {
    }

    static byte[] event(IncomingRequest request, RouteTable.Match match, Instant now) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.strip());
                        }
                    }
                }
            } else {
                headers.merge(key, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        // API Gateway tells the function how the client reached it; here that is plain HTTP.
        headers.put("x-forwarded-proto", "http");
        if (!cookies.isEmpty()) {
            event.set("cookies", MAPPER.valueToTree(cookies));
        }
        event.set("headers", MAPPER.valueToTree(headers));
        Map<String, String> query = Urls.query(request.rawQuery());
        if (!query.isEmpty()) {
            event.set("queryStringParameters", MAPPER.valueToTree(query));
        }
        if (!match.pathParameters().isEmpty()) {
            event.set("pathParameters", MAPPER.valueToTree(match.pathParameters()));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", headers.getOrDefault("host", "127.0.0.1"));
        context.put("domainPrefix", "local");
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", request.requestId());
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (request.body().length > 0) {
            // Bytes that are not UTF-8 cannot travel as a JSON string without being changed (each
            // bad byte would become U+FFFD), so they go as base64 and the function sees them as sent.
            boolean text = isText(headers.get("content-type")) && isUtf8(request.body());
            event.put("body", text ? new String(request.body(), StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A result with a {@code statusCode} is a full response; anything else is the body of a
     * {@code 200} JSON response, as API Gateway infers it.
     */
    static OutgoingResponse response(byte[] payload) {
        JsonNode result;
        try {
            result = MAPPER.readTree(payload);
        } catch (IOException notJson) {
            return new OutgoingResponse(200, Map.of("content-type", List.of("application/json")), payload);
        }
        if (result == null || !result.isObject() || !result.has("statusCode")) {
            return new OutgoingResponse(200, Map.of("content-type", List.of("application/json")), payload);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        result.path("headers").properties().forEach(h -> headers.put(h.getKey(), List.of(h.getValue().asText())));
        List<String> setCookies = new ArrayList<>();
        result.path("cookies").forEach(c -> setCookies.add(c.asText()));
        if (!setCookies.isEmpty()) {
            headers.put("set-cookie", setCookies);
        }
        JsonNode body = result.get("body");
        byte[] bytes = body == null || body.isNull() ? new byte[0]
                : result.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body.asText())
                : (body.isTextual() ? body.asText() : body.toString()).getBytes(StandardCharsets.UTF_8);
        return new OutgoingResponse(result.get("statusCode").asInt(), headers, bytes);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded") || type.contains("javascript")
                || type.contains("yaml");
    }
}
