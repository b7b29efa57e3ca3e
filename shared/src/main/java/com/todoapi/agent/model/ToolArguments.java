package com.todoapi.agent.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.todoapi.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The model's arguments for a tool, checked before the tool sees them: a JSON object that meets
 * the tool's JSON Schema. Only the keywords the five tools' schemas use are understood
 * ({@link #isKeyword}); a schema with any other keyword is refused on every check, whatever the
 * arguments, so no rule of a schema is silently skipped. What is wrong is said the way a model can act on it.
 */
public final class ToolArguments {
    /** Keywords this checker applies; "description", "title" and "default" only describe. */
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    /** A model's JSON with text after it, or a key twice, is not read as whatever part parses. */
    private static final ObjectReader STRICT = Json.MAPPER.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private ToolArguments() {
    }

    /** The arguments as a map, or what is wrong with them. */
    public static Checked check(String arguments, String jsonSchema) {
        JsonNode schema;
        try {
            schema = Json.MAPPER.readTree(jsonSchema);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A tool's schema is not JSON", e);
        }
        refuseUnchecked(schema);
        JsonNode value;
        try {
            value = STRICT.readTree(arguments.isBlank() ? "{}" : arguments);
        } catch (IOException e) {
            return Checked.refused("the arguments are not valid JSON; send a JSON object");
        }
        List<String> problems = new ArrayList<>();
        check(value, schema, "arguments", problems);
        if (!problems.isEmpty()) {
            return Checked.refused(String.join("; ", problems));
        }
        return new Checked(Optional.of(Json.MAPPER.convertValue(value, OBJECT)), "");
    }

    /**
     * The whole schema is read before any argument is, so that a rule this checker does not know
     * fails every call of the tool, not only those whose arguments happen to reach it.
     */
    private static void refuseUnchecked(JsonNode schema) {
        if (!schema.isObject()) {
            throw new IllegalArgumentException("A tool's schema must be a JSON object");
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String keyword = names.next();
            if (!isKeyword(keyword)) {
                throw new IllegalArgumentException("A tool's schema uses \"" + keyword + "\", which is not checked");
            }
        }
        for (String type : types(schema)) {
            if (!isType(type)) {
                throw new IllegalArgumentException("A tool's schema names the type " + type);
            }
        }
        if (schema.has("additionalProperties") && !schema.get("additionalProperties").isBoolean()) {
            throw new IllegalArgumentException("A tool's schema has an additionalProperties that is not true or false");
        }
        if (schema.has("properties")) {
            if (!schema.get("properties").isObject()) {
                throw new IllegalArgumentException("A tool's schema has properties that are not an object");
            }
            schema.get("properties").forEach(ToolArguments::refuseUnchecked);
        }
        if (schema.has("items")) {
            refuseUnchecked(schema.get("items"));
        }
        if (schema.has("pattern")) {
            Pattern.compile(schema.get("pattern").asText());
        }
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
        List<String> types = types(schema);
        if (!types.isEmpty() && types.stream().noneMatch(type -> hasType(value, type))) {
            problems.add(path + " must be " + String.join(" or ", types.stream().map(ToolArguments::article).toList()));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(path + " must be one of " + schema.get("enum"));
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(path + " must be " + schema.get("const"));
        }
        if (value.isTextual()) {
            int length = value.asText().codePointCount(0, value.asText().length());
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                problems.add(path + " must be at least " + schema.get("minLength").asInt() + " characters");
            }
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                problems.add(path + " must be at most " + schema.get("maxLength").asInt() + " characters");
            }
            // The tools' patterns are anchored and use only what ECMA-262 and java.util.regex read alike.
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                problems.add(path + " must match " + schema.get("pattern").asText());
            }
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                problems.add(path + " must have at most " + schema.get("maxItems").asInt() + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.get("items"), path + "[" + i + "]", problems);
                }
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                problems.add(path + " must be at least " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                problems.add(path + " must be at most " + schema.get("maximum"));
            }
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText()) || value.get(required.asText()).isNull()) {
                    problems.add(required.asText() + " is required");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (properties.has(field.getKey())) {
                    check(field.getValue(), properties.get(field.getKey()), field.getKey(), problems);
                } else if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                    problems.add(field.getKey() + " is not an argument of this tool");
                }
            }
        }
    }

    /** "type" as one name or a list of them ({@code ["string", "null"]}); none means any. */
    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (type.isTextual()) {
            names.add(type.asText());
        } else if (type.isArray() && !type.isEmpty()) {
            type.forEach(name -> names.add(name.isTextual() ? name.asText() : name.toString()));
        } else {
            throw new IllegalArgumentException("A tool's schema has a type that is neither a name nor a list of names");
        }
        return names;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "number" -> value.isNumber();
            // JSON Schema counts 3.0 as an integer: a number with no fraction.
            case "integer" -> value.isIntegralNumber()
                    || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            default -> throw new IllegalArgumentException("A tool's schema names the type " + type);
        };
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String article(String type) {
        return switch (type) {
            case "object", "array", "integer" -> "an " + type;
            default -> "a " + type;
        };
    }

    /** Checked arguments, or the problem the model is told of. */
    public record Checked(Optional<Map<String, Object>> arguments, String problem) {
        static Checked refused(String problem) {
            return new Checked(Optional.empty(), problem);
        }

        public boolean ok() {
            return arguments.isPresent();
        }
    }

    /** The JSON Schema keywords this checker applies (or, for the annotations, knows to ignore). */
    public static boolean isKeyword(String keyword) {
        return switch (keyword) {
            case "type", "properties", "required", "additionalProperties", "enum", "const", "minLength", "maxLength",
                 "minimum", "maximum", "description", "title", "default", "pattern", "items", "maxItems" -> true;
            default -> false;
        };
    }

    private static boolean isType(String type) {
        return switch (type) {
            case "object", "array", "string", "boolean", "null", "number", "integer" -> true;
            default -> false;
        };
    }
}
