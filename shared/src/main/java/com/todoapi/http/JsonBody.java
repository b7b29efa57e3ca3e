package com.todoapi.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.todoapi.domain.DomainException;
import com.todoapi.domain.FieldProblem;
import com.todoapi.domain.PlainText;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
    /** The contract's bodies are two levels deep at most; this leaves room and refuses a parser bomb early. */
    public static final int MAX_DEPTH = 32;
    // Bodies are read as trees, so they need none of Json.MAPPER's settings, only tighter constraints.
    private static final ObjectReader STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .build()
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final String DUPLICATE_FIELD = "Duplicate field '";

    private final JsonNode object;
    private final List<FieldProblem> problems = new ArrayList<>();

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    public static JsonBody parse(byte[] bytes) {
        JsonNode node;
        try {
            node = bytes.length == 0 ? null : STRICT.readTree(utf8(bytes));
        } catch (StreamConstraintsException tooDeep) {
            throw DomainException.invalid("body", "must not nest arrays and objects more than " + MAX_DEPTH + " deep");
        } catch (JsonParseException malformed) {
            throw duplicateField(malformed).orElseGet(() -> DomainException.invalid("body", "is not valid JSON"));
        } catch (IOException malformed) {
            throw DomainException.invalid("body", "is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw DomainException.invalid("body", "must be a JSON object");
        }
        return new JsonBody(node);
    }

    /**
     * The body as text, decoded strictly: a byte that is not UTF-8 is a 400, never a U+FFFD
     * stored in place of what the client meant. A leading byte order mark is ignored (RFC 8259).
     */
    private static String utf8(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw DomainException.invalid("body", "is not valid UTF-8");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Jackson says a duplicate only in its message; the field's name is worth telling the client. */
    private static Optional<DomainException> duplicateField(JsonParseException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (!message.startsWith(DUPLICATE_FIELD) || !message.endsWith("'")) {
            return Optional.empty();
        }
        String name = message.substring(DUPLICATE_FIELD.length(), message.length() - 1);
        return Optional.of(DomainException.invalid("body",
                "must not repeat a field (\"" + (name.length() > 64 ? name.substring(0, 64) : name) + "\" appears twice)"));
    }

    /**
     * A string field; absent gives empty, anything but a string is a problem, and so is a string
     * with a lone surrogate escape ({@code "\ud800"}): it is no Unicode text, and DynamoDB
     * would refuse it where it is stored.
     */
    public Optional<String> text(String field) {
        Optional<String> text = typed(field, JsonNode::isTextual, JsonNode::textValue, "must be a string");
        if (text.isPresent() && !PlainText.isWellFormed(text.get())) {
            problems.add(new FieldProblem(field, PlainText.UNPAIRED_SURROGATE));
            return Optional.empty();
        }
        return text;
    }

    /** A string field that may also be {@code null}, which reads as {@code whenNull}. */
    public Optional<String> textOrNull(String field, String whenNull) {
        JsonNode value = object.get(field);
        if (value != null && value.isNull()) {
            return Optional.of(whenNull);
        }
        return text(field);
    }

    /** Whether the body has the field, whatever its value. */
    public boolean has(String field) {
        return object.has(field);
    }

    /** A string field that may be {@code null}: absent gives empty, {@code null} an empty inner value (clear it). */
    public Optional<Optional<String>> nullableText(String field) {
        JsonNode value = object.get(field);
        if (value != null && value.isNull()) {
            return Optional.of(Optional.empty());
        }
        return text(field).map(Optional::of);
    }

    /** As {@link #textArray}, with {@code null} read as an empty array. */
    public Optional<List<String>> textArrayOrNull(String field) {
        JsonNode value = object.get(field);
        return value != null && value.isNull() ? Optional.of(List.of()) : textArray(field);
    }

    /** A whole number from 1 up; anything else (a string, a fraction, zero) is a problem. */
    public Optional<Long> positiveNumber(String field) {
        JsonNode node = object.get(field);
        if (node != null && node.isIntegralNumber() && !node.canConvertToLong() && node.bigIntegerValue().signum() > 0) {
            problems.add(new FieldProblem(field, "must be at most " + Long.MAX_VALUE));
            return Optional.empty();
        }
        return typed(field, value -> value.isIntegralNumber() && value.canConvertToLong() && value.longValue() > 0,
                JsonNode::longValue, "must be a positive integer");
    }

    /** As {@link #positiveNumber}, with {@code null} read as absent. */
    public Optional<Long> positiveNumberOrNull(String field) {
        JsonNode value = object.get(field);
        return value != null && value.isNull() ? Optional.empty() : positiveNumber(field);
    }

    /** An array of strings (possibly empty); anything else, or an element that is not a string, is a problem. */
    public Optional<List<String>> textArray(String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            problems.add(new FieldProblem(field, "must be an array of strings"));
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            if (!element.isTextual() || !PlainText.isWellFormed(element.textValue())) {
                problems.add(new FieldProblem(field, "must be an array of strings"));
                return Optional.empty();
            }
            texts.add(element.textValue());
        }
        return Optional.of(List.copyOf(texts));
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

    /** How many fields are not in {@code known}, for a route that ignores what it does not read. */
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
