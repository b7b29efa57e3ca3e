package com.todoapi.local.emulator;

import com.todoapi.local.template.Template;

import java.nio.file.Path;
import java.util.Map;

/**
 * DynamoDB Local and ElasticMQ, started together on loopback, with the template's table and
 * queues created in them. What the local runtime and the test suites stand on.
 */
public final class Emulators implements AutoCloseable {
    private final ElasticMq sqs;
    private final LocalAws aws;
    private final LocalResources resources;
    private final Path dynamoDbData;
    private volatile DynamoDbLocal dynamoDb;

    private Emulators(DynamoDbLocal dynamoDb, ElasticMq sqs, LocalResources resources, Path dynamoDbData) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.aws = new LocalAws(dynamoDb.endpoint(), sqs.endpoint());
        this.resources = resources;
        this.dynamoDbData = dynamoDbData;
    }

    /**
     * @param dynamoDbPort  0 for any free port
     * @param sqsPort       0 for any free port
     * @param dataDirectory where DynamoDB keeps its data, or null for memory only
     */
    public static Emulators start(Template template, Map<String, String> parameters,
                                  int dynamoDbPort, int sqsPort, Path dataDirectory) {
        int dynamoPort = Ports.claim(dynamoDbPort, "DynamoDB Local", "--dynamodb-port");
        int queuePort = Ports.claim(sqsPort, "ElasticMQ", "--sqs-port");
        Path dynamoDbData = dataDirectory == null ? null : dataDirectory.resolve("dynamodb");
        DynamoDbLocal dynamoDb = DynamoDbLocal.start(dynamoPort, dynamoDbData);
        ElasticMq sqs;
        try {
            sqs = ElasticMq.start(queuePort);
        } catch (RuntimeException e) {
            dynamoDb.close();
            throw e;
        }
        try {
            LocalAws aws = new LocalAws(dynamoDb.endpoint(), sqs.endpoint());
            return new Emulators(dynamoDb, sqs, new Provisioner(aws).provision(template, parameters), dynamoDbData);
        } catch (RuntimeException e) {
            sqs.close();
            dynamoDb.close();
            throw e;
        }
    }

    public LocalAws aws() {
        return aws;
    }

    public LocalResources resources() {
        return resources;
    }

    /** Stops DynamoDB Local alone, to see how the service copes when its database goes away. */
    public void stopDynamoDb() {
        dynamoDb.close();
    }

    /** Starts DynamoDB Local again on the same port and data (memory-only data is gone), with the template's tables. */
    public void startDynamoDbAgain() {
        dynamoDb = DynamoDbLocal.start(dynamoDb.port(), dynamoDbData);
        new Provisioner(aws).provision(resources.template(), resources.parameters());
    }

    @Override
    public void close() {
        try {
            sqs.close();
        } finally {
            dynamoDb.close();
        }
    }
}
