package com.todoapi.aws.dynamodb;

import com.todoapi.agent.ModelRound;
import com.todoapi.agent.model.ModelRounds;
import com.todoapi.agent.TurnJournal;
import com.todoapi.conversations.Message;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model turn's journal on its pending reply item: {@code rounds} (the saved rounds as JSON) and
 * {@code checkpoint} (how many saves so far). Each save rewrites both, on the condition that the
 * reply is still pending and the checkpoint is the one this run read or last wrote; a run that
 * loses that race has been overtaken by another delivery of the same job and stops. Settling the
 * reply puts the whole item anew, which leaves no journal behind.
 */
final class DynamoTurnJournal implements TurnJournal {
    private static final String ROUNDS = "rounds";
    private static final String CHECKPOINT = "checkpoint";

    private final Tables tables;
    private final Map<String, AttributeValue> key;
    private List<ModelRound> rounds;
    private long checkpoint;

    DynamoTurnJournal(Tables tables, String userId, long conversationId, long replyNumber) {
        this.tables = tables;
        this.key = Map.of("pk", AttributeValue.fromS(Keys.conversation(userId, conversationId)),
                "sk", AttributeValue.fromS(Keys.message(replyNumber)));
    }

    @Override
    public List<ModelRound> rounds() {
        if (rounds == null) {
            GetItemResponse read = StoreCalls.call(() -> tables.dynamoDb().getItem(request -> request
                    .tableName(tables.tableName()).key(key).consistentRead(true)
                    .projectionExpression("#rounds, #checkpoint")
                    .expressionAttributeNames(Map.of("#rounds", ROUNDS, "#checkpoint", CHECKPOINT))));
            Map<String, AttributeValue> item = read.hasItem() ? read.item() : Map.of();
            rounds = item.containsKey(ROUNDS) ? new ArrayList<>(ModelRounds.decode(item.get(ROUNDS).s()))
                    : new ArrayList<>();
            checkpoint = item.containsKey(CHECKPOINT) ? Long.parseLong(item.get(CHECKPOINT).n()) : 0;
        }
        return List.copyOf(rounds);
    }

    @Override
    public void save(ModelRound round) {
        rounds();
        List<ModelRound> next = new ArrayList<>(rounds);
        if (!next.isEmpty() && next.getLast().number() == round.number()) {
            next.set(next.size() - 1, round);
        } else {
            next.add(round);
        }
        Map<String, String> names = Map.of("#status", "status", "#rounds", ROUNDS, "#checkpoint", CHECKPOINT);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pending", AttributeValue.fromS(Message.Status.PENDING.wireName()));
        values.put(":rounds", AttributeValue.fromS(ModelRounds.encode(next)));
        values.put(":next", AttributeValue.fromN(Long.toString(checkpoint + 1)));
        String condition = "#status = :pending AND ";
        if (checkpoint == 0) {
            condition += "attribute_not_exists(#checkpoint)";
        } else {
            condition += "#checkpoint = :read";
            values.put(":read", AttributeValue.fromN(Long.toString(checkpoint)));
        }
        String onlyIf = condition;
        try {
            StoreCalls.run(() -> tables.dynamoDb().updateItem(request -> request
                    .tableName(tables.tableName()).key(key)
                    .updateExpression("SET #rounds = :rounds, #checkpoint = :next")
                    .conditionExpression(onlyIf)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)));
        } catch (ConditionalCheckFailedException overtaken) {
            throw new CheckpointConflict("Another run of this reply saved a round first, or the reply is settled");
        }
        rounds = next;
        checkpoint++;
    }
}
