package com.todoapi.aws.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.json.Json;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as the SDK's {@link Document} and back: tool schemas and arguments go to Bedrock as
 * documents, the model's tool input comes back as one. Integers stay integers both ways, so a
 * task number the model wrote as 3 is read as 3, not 3.0.
 */
final class JsonDocuments {

    private JsonDocuments() {
    }

    /** The JSON object {@code text} holds, or an empty object if it holds none (not JSON, or not an object). */
    static Document objectOrEmpty(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node != null && node.isObject() ? of(node) : Document.fromMap(Map.of());
        } catch (JsonProcessingException notJson) {
            return Document.fromMap(Map.of());
        }
    }

    static Document of(JsonNode node) {
        if (node.isObject()) {
            Map<String, Document> members = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                members.put(field.getKey(), of(field.getValue()));
            }
            return Document.fromMap(members);
        }
        if (node.isArray()) {
            List<Document> items = new ArrayList<>();
            node.forEach(item -> items.add(of(item)));
            return Document.fromList(items);
        }
        if (node.isTextual()) {
            return Document.fromString(node.textValue());
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return Document.fromNumber(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        return Document.fromNull();
    }

    static JsonNode json(Document document) {
        if (document == null || document.isNull()) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (document.isMap()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            document.asMap().forEach((name, value) -> object.set(name, json(value)));
            return object;
        }
        if (document.isList()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            document.asList().forEach(item -> array.add(json(item)));
            return array;
        }
        if (document.isString()) {
            return JsonNodeFactory.instance.textNode(document.asString());
        }
        if (document.isBoolean()) {
            return JsonNodeFactory.instance.booleanNode(document.asBoolean());
        }
        return number(document.asNumber());
    }

    /** The document as JSON text. */
    static String text(Document document) {
        return json(document).toString();
    }

    private static JsonNode number(SdkNumber number) {
        String digits = number.stringValue();
        if (digits.matches("-?\\d+")) {
            BigInteger integer = new BigInteger(digits);
            return integer.bitLength() < Long.SIZE ? JsonNodeFactory.instance.numberNode(integer.longValue()) : JsonNodeFactory.instance.numberNode(integer);
        }
        return JsonNodeFactory.instance.numberNode(new BigDecimal(digits));
    }
}
