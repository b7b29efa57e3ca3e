package com.todoapi.local;

import com.todoapi.local.emulator.Emulators;
import com.todoapi.local.emulator.Ports;
import com.todoapi.local.template.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulators as the template describes them, and their data across a restart. */
class EmulatorsTest {

    @Test
    void createsTheTemplatesTableAndQueuesAndKeepsDataAcrossARestart(@TempDir Path directory) throws Exception {
        Template template = Template.load(FixturePackage.create(directory));
        Path data = directory.resolve("data");
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("USER#1"), "sk", AttributeValue.fromS("TASK#1"));

        try (Emulators emulators = Emulators.start(template, Map.of(), 0, 0, data);
             DynamoDbClient dynamoDb = emulators.aws().dynamoDb();
             SqsClient sqs = emulators.aws().sqs()) {
            TableDescription table = dynamoDb.describeTable(b -> b.tableName("Table")).table();
            assertThat(table.keySchema()).extracting(k -> k.attributeName()).containsExactly("pk", "sk");
            assertThat(table.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("gsi1");
            assertThat(dynamoDb.describeTimeToLive(b -> b.tableName("Table")).timeToLiveDescription().attributeName())
                    .isEqualTo("expires_at");
            String redrive = sqs.getQueueAttributes(b -> b.queueUrl(emulators.resources().queue("WorkQueue").url())
                    .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY);
            assertThat(redrive).contains("WorkDeadLetters").contains("\"maxReceiveCount\":2");

            dynamoDb.putItem(b -> b.tableName("Table").item(Map.of("pk", key.get("pk"), "sk", key.get("sk"),
                    "title", AttributeValue.fromS("survives"))));
        }

        try (Emulators restarted = Emulators.start(template, Map.of(), 0, 0, data);
             DynamoDbClient dynamoDb = restarted.aws().dynamoDb()) {
            assertThat(dynamoDb.getItem(b -> b.tableName("Table").key(key)).item().get("title").s()).isEqualTo("survives");
        }
    }

    @Test
    void saysWhichPortIsTakenAndHowToChooseAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            assertThatThrownBy(() -> Ports.claim(taken.getLocalPort(), "DynamoDB Local", "--dynamodb-port"))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " (DynamoDB Local) is already in use")
                    .hasMessageContaining("--dynamodb-port");
        }
    }
}
