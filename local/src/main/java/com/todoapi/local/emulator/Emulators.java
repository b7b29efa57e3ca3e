package com.todoapi.local.emulator;

import com.todoapi.local.template.Template;

import java.nio.file.Path;
import java.util.Map;

/**
 * DynamoDB Local and ElasticMQ, started together on loopback, with the template's table and
 * queues created in them. What the local runtime and the test suites stand on.
 */
public final class Emulators implements AutoCloseable {
    private final DynamoDbLocal dynamoDb;
    private final ElasticMq sqs;
    private final LocalAws aws;
    private final LocalResources resources;

    private Emulators(DynamoDbLocal dynamoDb, ElasticMq sqs, LocalResources resources) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.aws = new LocalAws(dynamoDb.endpoint(), sqs.endpoint());
        this.resources = resources;
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
        DynamoDbLocal dynamoDb = DynamoDbLocal.start(dynamoPort, dataDirectory == null ? null : dataDirectory.resolve("dynamodb"));
        ElasticMq sqs;
        try {
            sqs = ElasticMq.start(queuePort);
        } catch (RuntimeException e) {
            dynamoDb.close();
            throw e;
        }
        try {
            LocalAws aws = new LocalAws(dynamoDb.endpoint(), sqs.endpoint());
            return new Emulators(dynamoDb, sqs, new Provisioner(aws).provision(template, parameters));
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

    @Override
    public void close() {
        try {
            sqs.close();
        } finally {
            dynamoDb.close();
        }
    }
}
