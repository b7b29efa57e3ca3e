package com.todoapi.functions.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.json.Json;
import com.todoapi.lambda.WebSocketEvent;
import com.todoapi.lambda.WebSocketFunction;
import com.todoapi.live.ConnectionMessenger;
import com.todoapi.live.LiveEvents;
import com.todoapi.wiring.Services;

import java.io.IOException;

/**
 * {@code $default}, every message a client sends: {@code {"action":"ping"}} is answered
 * {@code {"type":"pong"}} through {@code @connections}; anything else gets an {@code error} event.
 * The answer is a post rather than a route response, so that every message the server sends goes
 * one way (the management API, which pushes need anyway), with no RouteResponse to declare.
 */
public final class MessageHandler extends WebSocketFunction {
    private final ConnectionMessenger messenger;

    public MessageHandler() {
        this(Services.fromEnvironment());
    }

    MessageHandler(Services services) {
        this.messenger = services.connectionMessenger();
    }

    @Override
    protected int handle(WebSocketEvent event) {
        messenger.send(event.connectionId(), answer(event.body()));
        return 200;
    }

    static JsonNode answer(String body) {
        JsonNode message;
        try {
            message = body == null ? null : Json.MAPPER.readTree(body);
        } catch (IOException notJson) {
            return LiveEvents.error("invalid_message", "A message must be a JSON object such as {\"action\":\"ping\"}");
        }
        if (message == null || !message.isObject()) {
            return LiveEvents.error("invalid_message", "A message must be a JSON object such as {\"action\":\"ping\"}");
        }
        if ("ping".equals(message.path("action").asText(null))) {
            return LiveEvents.pong();
        }
        return LiveEvents.error("unknown_action", "The only action is \"ping\"");
    }

    /** The route without its post: parsing and the answer, nothing sent (no connection to send to). */
    @Override
    protected void prime() {
        answer("{\"action\":\"ping\"}");
        answer("{\"action\":\"priming\"}");
    }

    @Override
    protected String primingEvent() {
        return "{}";
    }
}
