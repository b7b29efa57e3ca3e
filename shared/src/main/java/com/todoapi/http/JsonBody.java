package com.todoapi.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.todoapi.domain.DomainException;
import com.todoapi.domain.FieldProblem;
import com.todoapi.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A request body read strictly: a JSON object, no duplicate or unknown fields, no trailing
 * text, and no coercion (a number where a string belongs is a problem, not a string). Problems
 * are collected per field and reported together by {@link #done()}.
 */
public final class JsonBody {
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final JsonNode object;
    private final List<FieldProblem> problems = new ArrayList<>();

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    static JsonBody parse(byte[] bytes) {
        JsonNode node;
        try {
            node = bytes.length == 0 ? null : STRICT.readTree(bytes);
        } catch (IOException malformed) {
            throw DomainException.invalid("body", "is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw DomainException.invalid("body", "must be a JSON object");
        }
        return new JsonBody(node);
    }

    /**
     * A string field; absent gives empty, anything but a string is a problem, and so is a string
     * with a lone surrogate escape ({@code "\ud800"}): it is no Unicode text, and DynamoDB
     * would refuse it where it is stored.
     */
    public Optional<String> text(String field) {
        Optional<String> text = typed(field, JsonNode::isTextual, JsonNode::textValue, "must be a string");
        if (text.isPresent() && !isWellFormed(text.get())) {
            problems.add(new FieldProblem(field, "must be valid Unicode text (it has an unpaired surrogate)"));
            return Optional.empty();
        }
        return text;
    }

    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A string field that may also be {@code null}, which reads as {@code whenNull}. */
    public Optional<String> textOrNull(String field, String whenNull) {
        JsonNode value = object.get(field);
        if (value != null && value.isNull()) {
            return Optional.of(whenNull);
        }
        return text(field);
    }

    /** A whole number from 1 up; anything else (a string, a fraction, zero) is a problem. */
    public Optional<Long> positiveNumber(String field) {
        return typed(field, node -> node.isIntegralNumber() && node.canConvertToLong() && node.longValue() > 0,
                JsonNode::longValue, "must be a positive integer");
    }

    public Optional<Boolean> bool(String field) {
        return typed(field, JsonNode::isBoolean, JsonNode::booleanValue, "must be true or false");
    }

    private <T> Optional<T> typed(String field, Predicate<JsonNode> isRightType, Function<JsonNode, T> value,
                                  String problem) {
        JsonNode node = object.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!isRightType.test(node)) {
            problems.add(new FieldProblem(field, problem));
            return Optional.empty();
        }
        return Optional.of(value.apply(node));
    }

    /** Notes every field not in {@code known}: a misspelt field is an error, not silently ignored. */
    public JsonBody allowOnly(Set<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new FieldProblem(name.length() > 64 ? name.substring(0, 64) : name, "is not a known field"));
            }
        }
        return this;
    }

    /** Whether the field is there with the value {@code null}. */
    public boolean isNull(String field) {
        JsonNode value = object.get(field);
        return value != null && value.isNull();
    }

    /** For lenient routes: how many fields are not in {@code known}; they are ignored, not problems. */
    public int countUnknown(Set<String> known) {
        int unknown = 0;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            if (!known.contains(names.next())) {
                unknown++;
            }
        }
        return unknown;
    }

    /** Throws INVALID with every problem found so far, if any. */
    public void done() {
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }
}
