package com.todoapi.local.emulator;

import com.todoapi.local.template.QueueSpec;
import com.todoapi.local.template.TableSpec;
import com.todoapi.local.template.Template;
import com.todoapi.local.template.Yaml;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates the template's tables and queues in the emulators, as CloudFormation would: keys,
 * indexes and TTL for tables; attributes and redrive policies for queues. Safe to run again
 * on a persisted database: existing tables are kept, and indexes added to the template since
 * are created.
 */
public final class Provisioner {
    private static final ProvisionedThroughput LOCAL_THROUGHPUT = ProvisionedThroughput.builder()
            .readCapacityUnits(100L).writeCapacityUnits(100L).build();

    private final LocalAws aws;

    public Provisioner(LocalAws aws) {
        this.aws = aws;
    }

    public LocalResources provision(Template template, Map<String, String> parameters) {
        Map<String, String> tables = new LinkedHashMap<>();
        try (DynamoDbClient dynamoDb = aws.dynamoDb()) {
            for (TableSpec table : template.tables()) {
                String name = physicalName(table.properties().get("TableName"), table.logicalId());
                ensureTable(dynamoDb, name, table.properties());
                tables.put(table.logicalId(), name);
            }
        }
        Map<String, LocalResources.LocalQueue> queues = new LinkedHashMap<>();
        try (SqsClient sqs = aws.sqs()) {
            List<QueueSpec> ordered = new ArrayList<>(template.queues());
            ordered.sort((a, b) -> Boolean.compare(a.deadLetterQueue().isPresent(), b.deadLetterQueue().isPresent()));
            for (QueueSpec queue : ordered) {
                queues.put(queue.logicalId(), createQueue(sqs, queue, queues));
            }
        }
        return new LocalResources(template, Map.copyOf(tables), Map.copyOf(queues), Map.copyOf(parameters));
    }

    private static String physicalName(Object declared, String logicalId) {
        return declared instanceof String name ? name : logicalId;
    }

    private static void ensureTable(DynamoDbClient dynamoDb, String name, Map<String, Object> p) {
        TableDescription existing;
        try {
            existing = dynamoDb.describeTable(b -> b.tableName(name)).table();
        } catch (ResourceNotFoundException absent) {
            dynamoDb.createTable(createRequest(name, p));
            enableTtl(dynamoDb, name, p);
            return;
        }
        addMissingIndexes(dynamoDb, existing, p);
    }

    private static CreateTableRequest createRequest(String name, Map<String, Object> p) {
        boolean onDemand = "PAY_PER_REQUEST".equals(p.get("BillingMode"));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(attributes(p))
                .keySchema(keys(p.get("KeySchema")));
        if (onDemand) {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        } else {
            request.provisionedThroughput(LOCAL_THROUGHPUT);
        }
        List<GlobalSecondaryIndex> gsis = globalIndexes(p, onDemand);
        if (!gsis.isEmpty()) {
            request.globalSecondaryIndexes(gsis);
        }
        List<LocalSecondaryIndex> lsis = new ArrayList<>();
        for (Object o : list(p.get("LocalSecondaryIndexes"))) {
            Map<String, Object> index = map(o);
            lsis.add(LocalSecondaryIndex.builder().indexName((String) index.get("IndexName"))
                    .keySchema(keys(index.get("KeySchema"))).projection(projection(index.get("Projection"))).build());
        }
        if (!lsis.isEmpty()) {
            request.localSecondaryIndexes(lsis);
        }
        return request.build();
    }

    private static void addMissingIndexes(DynamoDbClient dynamoDb, TableDescription existing, Map<String, Object> p) {
        Set<String> present = existing.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName).collect(Collectors.toSet());
        boolean onDemand = existing.billingModeSummary() != null
                && existing.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
        for (GlobalSecondaryIndex index : globalIndexes(p, onDemand)) {
            if (present.contains(index.indexName())) {
                continue;
            }
            dynamoDb.updateTable(b -> b.tableName(existing.tableName())
                    .attributeDefinitions(attributes(p))
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                            .keySchema(index.keySchema()).projection(index.projection())
                            .provisionedThroughput(index.provisionedThroughput()))));
        }
    }

    private static void enableTtl(DynamoDbClient dynamoDb, String name, Map<String, Object> p) {
        Map<String, Object> ttl = map(p.get("TimeToLiveSpecification"));
        if (Boolean.parseBoolean(String.valueOf(ttl.get("Enabled"))) && ttl.get("AttributeName") != null) {
            dynamoDb.updateTimeToLive(b -> b.tableName(name)
                    .timeToLiveSpecification(s -> s.enabled(true).attributeName(ttl.get("AttributeName").toString())));
        }
    }

    private static List<GlobalSecondaryIndex> globalIndexes(Map<String, Object> p, boolean onDemand) {
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object o : list(p.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> index = map(o);
            GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                    .indexName((String) index.get("IndexName"))
                    .keySchema(keys(index.get("KeySchema")))
                    .projection(projection(index.get("Projection")));
            if (!onDemand) {
                gsi.provisionedThroughput(LOCAL_THROUGHPUT);
            }
            indexes.add(gsi.build());
        }
        return indexes;
    }

    private static List<AttributeDefinition> attributes(Map<String, Object> p) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        for (Object o : list(p.get("AttributeDefinitions"))) {
            Map<String, Object> a = map(o);
            definitions.add(AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                    .attributeType((String) a.get("AttributeType")).build());
        }
        return definitions;
    }

    private static List<KeySchemaElement> keys(Object schema) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Object o : list(schema)) {
            Map<String, Object> k = map(o);
            keys.add(KeySchemaElement.builder().attributeName((String) k.get("AttributeName"))
                    .keyType((String) k.get("KeyType")).build());
        }
        return keys;
    }

    private static Projection projection(Object value) {
        Map<String, Object> p = map(value);
        Projection.Builder projection = Projection.builder().projectionType(String.valueOf(p.getOrDefault("ProjectionType", "ALL")));
        List<Object> nonKey = list(p.get("NonKeyAttributes"));
        if (!nonKey.isEmpty()) {
            projection.nonKeyAttributes(nonKey.stream().map(String::valueOf).toList());
        }
        return projection.build();
    }

    private static LocalResources.LocalQueue createQueue(SqsClient sqs, QueueSpec queue,
                                                         Map<String, LocalResources.LocalQueue> created) {
        String name = physicalName(queue.properties().get("QueueName"), queue.logicalId());
        if (queue.fifo() && !name.endsWith(".fifo")) {
            name = name + ".fifo";
        }
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        copy(queue.properties(), "VisibilityTimeout", attributes, QueueAttributeName.VISIBILITY_TIMEOUT);
        copy(queue.properties(), "MessageRetentionPeriod", attributes, QueueAttributeName.MESSAGE_RETENTION_PERIOD);
        copy(queue.properties(), "DelaySeconds", attributes, QueueAttributeName.DELAY_SECONDS);
        copy(queue.properties(), "ReceiveMessageWaitTimeSeconds", attributes, QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS);
        if (queue.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            copy(queue.properties(), "ContentBasedDeduplication", attributes, QueueAttributeName.CONTENT_BASED_DEDUPLICATION);
        }
        queue.deadLetterQueue().ifPresent(dlq -> {
            LocalResources.LocalQueue target = created.get(dlq);
            if (target == null) {
                throw new IllegalArgumentException("Queue " + queue.logicalId() + " redrives to " + dlq + ", which is not a queue in the template");
            }
            attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + target.arn()
                    + "\",\"maxReceiveCount\":\"" + queue.maxReceiveCount() + "\"}");
        });
        String queueName = name;
        String url = sqs.createQueue(b -> b.queueName(queueName).attributes(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new LocalResources.LocalQueue(name, url, arn);
    }

    private static void copy(Map<String, Object> from, String key, Map<QueueAttributeName, String> to, QueueAttributeName name) {
        Object value = from.get(key);
        if (value != null) {
            to.put(name, value.toString());
        }
    }

    private static Map<String, Object> map(Object value) {
        return Yaml.map(value);
    }

    private static List<Object> list(Object value) {
        return Yaml.list(value);
    }
}
