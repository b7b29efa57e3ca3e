package com.todoapi.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The request checks OpenAI makes before a model sees anything, with the 400s it answers (their
 * messages as OpenAI words them): a body that is not a JSON object, no model, no messages, a
 * {@code tool} message that answers no pending call, an assistant's {@code tool_calls} left
 * unanswered, arguments sent as an object rather than a string, a tool that is not a named function.
 * So a client that breaks the conversation's shape fails against the fake as it would in production.
 */
final class ChatRequestRules {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    private ChatRequestRules() {
    }

    static Optional<FakeChatCompletions.Failure> check(JsonNode body) {
        if (body == null || !body.isObject()) {
            return refuse("We could not parse the JSON body of your request. (HINT: This likely means you aren't using"
                    + " your HTTP library correctly. The OpenAI API expects a JSON payload.)", null, null);
        }
        if (!body.path("model").isTextual() || body.get("model").asText().isEmpty()) {
            return refuse("you must provide a model parameter", null, null);
        }
        if (body.has("stream_options") && !body.path("stream_options").isNull() && !body.path("stream").asBoolean(false)) {
            return refuse("The 'stream_options' parameter is only allowed when 'stream' is enabled.", "stream_options", null);
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray()) {
            return refuse("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
        }
        if (messages.isEmpty()) {
            return refuse("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty"
                    + " array instead.", "messages", "empty_array");
        }
        return checkMessages(messages).or(() -> checkTools(body.path("tools")));
    }

    private static Optional<FakeChatCompletions.Failure> checkMessages(JsonNode messages) {
        Set<String> unanswered = new LinkedHashSet<>();
        int askedAt = -1;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            if (!ROLES.contains(role)) {
                return refuse("Invalid value: '" + role + "'. Supported values are: 'system', 'assistant', 'user',"
                        + " 'function', 'tool', and 'developer'.", "messages.[" + i + "].role", "invalid_value");
            }
            if (role.equals("tool")) {
                if (!unanswered.remove(message.path("tool_call_id").asText(""))) {
                    return refuse("Invalid parameter: messages with role 'tool' must be a response to a preceeding"
                            + " message with 'tool_calls'.", "messages.[" + i + "].role", null);
                }
                continue;
            }
            if (!unanswered.isEmpty()) {
                return unansweredCalls(askedAt, unanswered);
            }
            if (role.equals("assistant")) {
                Optional<FakeChatCompletions.Failure> bad = checkAssistant(message, i, unanswered);
                if (bad.isPresent()) {
                    return bad;
                }
                askedAt = i;
            }
        }
        return unanswered.isEmpty() ? Optional.empty() : unansweredCalls(askedAt, unanswered);
    }

    private static Optional<FakeChatCompletions.Failure> checkAssistant(JsonNode message, int index, Set<String> unanswered) {
        JsonNode calls = message.path("tool_calls");
        if (message.path("content").isNull() && (!calls.isArray() || calls.isEmpty())) {
            return refuse("Invalid value for 'content': expected a string, got null.", "messages.[" + index + "].content", null);
        }
        for (int c = 0; c < calls.size(); c++) {
            JsonNode call = calls.get(c);
            String at = "messages[" + index + "].tool_calls[" + c + "]";
            if (!call.path("function").path("arguments").isTextual()) {
                return refuse("Invalid type for '" + at + ".function.arguments': expected a string, but got "
                        + call.path("function").path("arguments").getNodeType().toString().toLowerCase() + " instead.",
                        at + ".function.arguments", "invalid_type");
            }
            if (!call.path("type").asText("").equals("function") || !call.path("id").isTextual()) {
                return refuse("Missing required parameter: '" + at + ".id'.", at + ".id", "missing_required_parameter");
            }
            unanswered.add(call.get("id").asText());
        }
        return Optional.empty();
    }

    private static Optional<FakeChatCompletions.Failure> checkTools(JsonNode tools) {
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            if (!tool.path("type").asText("").equals("function")
                    || !tool.path("function").path("name").asText("").matches("[a-zA-Z0-9_-]{1,64}")) {
                return refuse("Invalid 'tools[" + i + "].function.name': string does not match pattern. Expected a"
                        + " string that matches the pattern '^[a-zA-Z0-9_-]+$'.", "tools[" + i + "].function.name",
                        "invalid_value");
            }
        }
        return Optional.empty();
    }

    private static Optional<FakeChatCompletions.Failure> unansweredCalls(int askedAt, Set<String> unanswered) {
        return refuse("An assistant message with 'tool_calls' must be followed by tool messages responding to each"
                + " 'tool_call_id'. The following tool_call_ids did not have response messages: "
                + String.join(", ", unanswered), "messages.[" + askedAt + "].role", null);
    }

    private static Optional<FakeChatCompletions.Failure> refuse(String message, String param, String code) {
        return Optional.of(FakeChatCompletions.Step.error(400, "invalid_request_error", code, message, param));
    }
}
