package com.todoapi.live;

import com.fasterxml.jackson.databind.JsonNode;

/** Live events to one person, as {@link LivePublisher#open(String)} gives them; never throws. */
@FunctionalInterface
public interface LiveChannel {

    void send(JsonNode event);
}
