package com.todoapi.aws.dynamodb;

import com.todoapi.agent.ToolCall;
import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.ModelRound;
import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.ToolResult;
import com.todoapi.agent.TurnJournal;
import com.todoapi.agent.Usage;
import com.todoapi.conversations.Conversation;
import com.todoapi.conversations.Message;
import com.todoapi.conversations.PostedMessage;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A model turn's checkpoints on its pending reply in DynamoDB Local. */
@ExtendWith(AwsBackendExtension.class)
class DynamoTurnJournalTest {
    private static final ModelRound ASKED = ModelRound.asked(1, new ModelAnswer("", List.of(
            new RequestedCall("call_a", "add_task", "{\"title\":\"Buy milk\"}")), new Usage("m", 120, 9), "tool_calls"));
    private static final ModelRound RAN = ASKED.withResults(
            List.of(new ToolResult("call_a", "{\"task_id\":1,\"status\":\"created\",\"title\":\"Buy milk\"}", false)),
            List.of(new ToolCall("add_task", Map.of("title", "Buy milk"),
                    Map.of("task_id", 1, "status", "created", "title", "Buy milk"))));
    private static final ModelRound FINAL = ModelRound.asked(2, new ModelAnswer("Added task 1, \"Buy milk\".",
            List.of(), new Usage("m", 150, 12), "stop"));

    private AwsBackend aws;
    private DynamoConversationStore store;
    private String user;
    private Conversation conversation;
    private PostedMessage posted;

    @BeforeEach
    void setUp(AwsBackend aws) {
        this.aws = aws;
        store = new DynamoConversationStore(new Tables(aws.aws().dynamoDb(), aws.tableName()));
        user = "journal-" + UUID.randomUUID();
        conversation = store.create(user, "Journal", Instant.now(), Optional.empty());
        posted = store.post(user, conversation.id(), "Add milk", Instant.now(), Optional.empty());
    }

    @Test
    void aLaterRunReadsEveryRoundAsSaved() {
        TurnJournal first = journal();
        assertThat(first.rounds()).isEmpty();
        first.save(ASKED);
        first.save(RAN);
        first.save(FINAL);

        assertThat(journal().rounds()).containsExactly(RAN, FINAL);
        assertThat(store.message(user, conversation.id(), posted.reply().number()).orElseThrow().settled())
                .as("the reply is still pending").isFalse();
    }

    @Test
    void twoRunsOfTheSameJobCannotBothSaveTheNextRound() {
        TurnJournal one = journal();
        TurnJournal other = journal();
        assertThat(one.rounds()).isEmpty();
        assertThat(other.rounds()).isEmpty();

        one.save(ASKED);
        assertThatThrownBy(() -> other.save(ASKED)).isInstanceOf(TurnJournal.CheckpointConflict.class);
        one.save(RAN);
        assertThat(journal().rounds()).containsExactly(RAN);
    }

    @Test
    void settlingTheReplyLeavesNoJournalAndASettledReplyTakesNoRound() {
        journal().save(ASKED);
        Message reply = store.message(user, conversation.id(), posted.reply().number()).orElseThrow();
        store.settle(user, store.find(user, conversation.id()).orElseThrow(), reply.completed("Done", List.of()), "",
                Instant.now());

        Map<String, AttributeValue> item = aws.aws().dynamoDb().getItem(r -> r.tableName(aws.tableName())
                .consistentRead(true).key(Map.of("pk", AttributeValue.fromS(Keys.conversation(user, conversation.id())),
                        "sk", AttributeValue.fromS(Keys.message(reply.number()))))).item();
        assertThat(item).containsKey("status").doesNotContainKeys("rounds", "checkpoint");
        assertThatThrownBy(() -> journal().save(ASKED)).isInstanceOf(TurnJournal.CheckpointConflict.class);
    }

    @Test
    void aJournalOfAReplyThatDoesNotExistSavesNothing() {
        TurnJournal missing = store.journal(user, conversation.id(), 99);
        assertThat(missing.rounds()).isEmpty();
        assertThatThrownBy(() -> missing.save(ASKED)).isInstanceOf(TurnJournal.CheckpointConflict.class);
        assertThat(store.message(user, conversation.id(), 99)).isEmpty();
    }

    private TurnJournal journal() {
        return store.journal(user, conversation.id(), posted.reply().number());
    }
}
