package com.todoapi.agent.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model's arguments for a tool, checked before the tool sees them: a JSON object that meets
 * the tool's JSON Schema. Only the keywords the five tools' schemas use are understood
 * ({@link #KEYWORDS}); a schema with any other keyword is refused when it is checked, so no rule
 * of a schema is silently skipped. What is wrong is said the way a model can act on it.
 */
public final class ToolArguments {
    /** Keywords this checker applies; "description", "title" and "default" only describe. */
    public static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties",
            "enum", "const", "minLength", "maxLength", "minimum", "maximum", "description", "title", "default");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

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
        JsonNode value;
        try {
            value = Json.MAPPER.readTree(arguments.isBlank() ? "{}" : arguments);
        } catch (JsonProcessingException e) {
            return Checked.refused("the arguments are not valid JSON; send a JSON object");
        }
        List<String> problems = new ArrayList<>();
        check(value, schema, "arguments", problems);
        if (!problems.isEmpty()) {
            return Checked.refused(String.join("; ", problems));
        }
        return new Checked(Optional.of(Json.MAPPER.convertValue(value, OBJECT)), "");
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String keyword = names.next();
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalArgumentException("A tool's schema uses \"" + keyword + "\", which is not checked");
            }
        }
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(value, type)) {
            problems.add(path + " must be " + article(type));
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
}
