package com.todoapi.agent;

/**
 * A tool call as the model asked for it: the provider's call id (to pair the result with), the
 * tool's name and its arguments as the model wrote them, a JSON text not yet trusted.
 */
public record RequestedCall(String id, String tool, String arguments) {

    public RequestedCall {
        id = id == null ? "" : id;
        tool = tool == null ? "" : tool;
        arguments = arguments == null ? "" : arguments;
    }
}
