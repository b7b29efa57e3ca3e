package com.todoapi.aws.recording;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a DynamoDB call touches: the table, the index, and for each item its key, so the check
 * can evaluate {@code dynamodb:LeadingKeys}. A transaction or batch is one target per item, with
 * the item's own operation ({@code Put}, {@code Update}, {@code Delete}, {@code ConditionCheck},
 * {@code Get}), since IAM authorises each item by its own action.
 */
final class DynamoDbTargets {
    /** {@code name = :value} in a key condition: the equality that names a query's partition. */
    private static final Pattern EQUALITY = Pattern.compile("(#?[A-Za-z0-9_]+)\\s*=\\s*(:[A-Za-z0-9_]+)");

    private DynamoDbTargets() {
    }

    static List<Map<String, Object>> of(SdkRequest request) {
        List<Map<String, Object>> targets = new ArrayList<>();
        switch (request) {
            case GetItemRequest r -> targets.add(item(r.tableName(), null, r.key()));
            case PutItemRequest r -> targets.add(item(r.tableName(), null, r.item()));
            case UpdateItemRequest r -> targets.add(item(r.tableName(), null, r.key()));
            case DeleteItemRequest r -> targets.add(item(r.tableName(), null, r.key()));
            case QueryRequest r -> targets.add(query(r));
            case ScanRequest r -> targets.add(table(r.tableName(), r.indexName()));
            case TransactWriteItemsRequest r -> r.transactItems().forEach(item -> targets.add(transactItem(item)));
            case TransactGetItemsRequest r -> r.transactItems().forEach(item ->
                    targets.add(item(item.get().tableName(), "Get", item.get().key())));
            case BatchWriteItemRequest r -> r.requestItems().forEach((table, writes) -> writes.forEach(write ->
                    targets.add(write.putRequest() != null
                            ? item(table, "Put", write.putRequest().item())
                            : item(table, "Delete", write.deleteRequest().key()))));
            case BatchGetItemRequest r -> r.requestItems().forEach((table, keys) ->
                    keys.keys().forEach(key -> targets.add(item(table, "Get", key))));
            default -> request.getValueForField("TableName", String.class)
                    .ifPresent(table -> targets.add(table(table, null)));
        }
        return targets;
    }

    private static Map<String, Object> transactItem(TransactWriteItem item) {
        if (item.put() != null) {
            return item(item.put().tableName(), "Put", item.put().item());
        }
        if (item.update() != null) {
            return item(item.update().tableName(), "Update", item.update().key());
        }
        if (item.delete() != null) {
            return item(item.delete().tableName(), "Delete", item.delete().key());
        }
        return item(item.conditionCheck().tableName(), "ConditionCheck", item.conditionCheck().key());
    }

    private static Map<String, Object> table(String table, String index) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("kind", "table");
        target.put("name", table);
        if (index != null) {
            target.put("index", index);
        }
        return target;
    }

    private static Map<String, Object> item(String table, String itemOperation, Map<String, AttributeValue> attributes) {
        Map<String, Object> target = table(table, null);
        if (itemOperation != null) {
            target.put("item", itemOperation);
        }
        target.put("key", keyOf(attributes));
        return target;
    }

    private static Map<String, Object> query(QueryRequest request) {
        Map<String, Object> target = table(request.tableName(), request.indexName());
        Map<String, String> key = new TreeMap<>();
        if (request.keyConditionExpression() != null) {
            Matcher m = EQUALITY.matcher(request.keyConditionExpression());
            while (m.find()) {
                String name = m.group(1).startsWith("#") && request.hasExpressionAttributeNames()
                        ? request.expressionAttributeNames().get(m.group(1)) : m.group(1);
                AttributeValue value = request.hasExpressionAttributeValues()
                        ? request.expressionAttributeValues().get(m.group(2)) : null;
                if (name != null && value != null && isKeyAttribute(name)) {
                    key.put(name, scalar(value));
                }
            }
        }
        target.put("key", key);
        return target;
    }

    private static Map<String, String> keyOf(Map<String, AttributeValue> attributes) {
        Map<String, String> key = new TreeMap<>();
        attributes.forEach((name, value) -> {
            if (isKeyAttribute(name)) {
                key.put(name, scalar(value));
            }
        });
        return key;
    }

    /**
     * The table's key attributes (template.yaml, TodoTable's KeySchema, gsi1's and reminders'): a put carries
     * its key inside the item, and only these of its attributes are recorded.
     */
    private static boolean isKeyAttribute(String name) {
        return switch (name) {
            case "pk", "sk", "gsi1pk", "gsi1sk", "remind_shard", "remind_at" -> true;
            default -> false;
        };
    }

    private static String scalar(AttributeValue value) {
        return value.s() != null ? value.s() : value.n() != null ? value.n() : "?";
    }
}
