package com.todoapi.agent.model;

import com.todoapi.agent.TurnJournal;
import com.todoapi.agent.ModelRound;
import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.Usage;
import com.todoapi.agent.ToolResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.agent.AgentReply;
import com.todoapi.agent.ChatMessage;
import com.todoapi.agent.AgentTurn;
import com.todoapi.agent.ToolCall;
import com.todoapi.agent.Toolbox;
import com.todoapi.agent.openai.OpenAiChatClient;
import com.todoapi.agent.openai.OpenAiSettings;
import com.todoapi.aws.dynamodb.DynamoIdempotencyStore;
import com.todoapi.aws.dynamodb.DynamoTaskStore;
import com.todoapi.aws.dynamodb.Tables;
import com.todoapi.chat.TodoTools;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.json.Json;
import com.todoapi.metrics.Metrics;
import com.todoapi.tasks.StatusFilter;
import com.todoapi.tasks.Task;
import com.todoapi.tasks.TaskService;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import com.todoapi.testing.FakeChatCompletions;
import com.todoapi.testing.FakeChatCompletions.RecordedRequest;
import com.todoapi.testing.FakeChatCompletions.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The model loop end to end: {@link ModelAgent} through {@link OpenAiChatClient} to a fake
 * Chat Completions server, with the real todo tools on DynamoDB Local.
 */
@ExtendWith(AwsBackendExtension.class)
class ModelAgentTest {
    private static final String TOOLS_ARE = "add_task, list_tasks, complete_task, delete_task, update_task";

    private FakeChatCompletions fake;
    private TaskService tasks;
    private String user;
    private TodoTools tools;

    @BeforeEach
    void setUp(AwsBackend aws) {
        Tables tables = new Tables(aws.aws().dynamoDb(), aws.tableName());
        tasks = new TaskService(new DynamoTaskStore(tables),
                new IdempotentRunner(new DynamoIdempotencyStore(tables), Clock.systemUTC()), Clock.systemUTC());
        user = "model-" + UUID.randomUUID();
        tools = TodoTools.forTurn(tasks, user, "turn-" + UUID.randomUUID(), new Metrics());
        fake = FakeChatCompletions.start();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void aSingleToolCallRunsAndTheModelReadsItsResult() throws Exception {
        fake.enqueue(Step.toolCalls(Step.call("call_add", "add_task", "{\"title\":\"Buy milk\"}")),
                Step.text("Added task 1 \"Buy milk\"."));

        AgentReply reply = agent().respond(turn("add buy milk"), tools);

        assertThat(reply.content()).isEqualTo("Added task 1 \"Buy milk\".");
        Task added = allTasks().getFirst();
        assertThat(allTasks()).extracting(Task::title).containsExactly("Buy milk");
        assertThat(reply.toolCalls()).hasValueSatisfying(calls -> assertThat(calls).containsExactly(new ToolCall(
                Toolbox.ADD_TASK, Map.of("title", "Buy milk"),
                Map.of("task_id", added.id(), "status", "created", "title", "Buy milk"))));
        assertThat(reply.summary()).contains("Buy milk");

        List<JsonNode> second = messages(fake.requests().get(1));
        assertThat(second).extracting(message -> message.path("role").asText())
                .containsExactly("system", "user", "assistant", "tool");
        assertThat(second.get(2).path("tool_calls").get(0).path("id").asText()).isEqualTo("call_add");
        assertThat(second.get(3).path("tool_call_id").asText()).isEqualTo("call_add");
        assertThat(Json.MAPPER.readTree(second.get(3).path("content").asText())).isEqualTo(Json.MAPPER.readTree(
                "{\"task_id\":" + added.id() + ",\"status\":\"created\",\"title\":\"Buy milk\"}"));

        assertThat(reply.usage()).hasValueSatisfying(usage -> {
            assertThat(usage.model()).isEqualTo("gpt-test");
            assertThat(usage.modelCalls()).isEqualTo(2);
            assertThat(usage.inputTokens()).isEqualTo(fake.requests().stream()
                    .mapToLong(request -> FakeChatCompletions.promptTokens(request.body())).sum());
        });
    }

    @Test
    void theFirstRequestTellsTheModelOfTheFiveToolsAndTheSystemPrompt() {
        fake.enqueue(Step.text("Hello!"));

        agent().respond(turn("hi"), tools);

        JsonNode body = fake.lastRequest().body();
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo(SystemPrompt.INSTRUCTIONS);
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("hi");
        assertThat(StreamSupport.stream(body.path("tools").spliterator(), false)
                .map(tool -> tool.path("function").path("name").asText()))
                .containsExactly("add_task", "list_tasks", "complete_task", "delete_task", "update_task");
        assertThat(body.path("max_tokens").asInt()).as("a loopback server gets the field it honours").isEqualTo(300);
    }

    @Test
    void severalCallsInOneRoundRunInOrderAndEachResultAnswersItsCall() {
        fake.enqueue(Step.toolCalls(Step.call("add_task", "{\"title\":\"Milk\"}"), Step.call("add_task", "{\"title\":\"Eggs\"}")),
                Step.text("Added both."));

        AgentReply reply = agent().respond(turn("add milk and eggs"), tools);

        assertThat(reply.content()).isEqualTo("Added both.");
        assertThat(allTasks()).extracting(Task::title).containsExactly("Milk", "Eggs");
        List<JsonNode> second = messages(fake.requests().get(1));
        JsonNode asked = second.get(2).path("tool_calls");
        assertThat(second).hasSize(5);
        assertThat(second.get(3).path("tool_call_id").asText()).isEqualTo(asked.get(0).path("id").asText());
        assertThat(second.get(4).path("tool_call_id").asText()).isEqualTo(asked.get(1).path("id").asText());
        assertThat(second.get(3).path("content").asText()).contains("\"title\":\"Milk\"");
        assertThat(second.get(4).path("content").asText()).contains("\"title\":\"Eggs\"");
        assertThat(reply.toolCalls().orElseThrow()).extracting(ToolCall::args)
                .containsExactly(Map.of("title", "Milk"), Map.of("title", "Eggs"));
    }

    /** Some servers number calls per answer ({@code call_0} every round); two calls of one id would pair wrongly. */
    @Test
    void aCallIdTheModelAlreadyUsedInAnEarlierRoundIsReplaced() {
        fake.enqueue(Step.toolCalls(Step.call("call_0", "add_task", "{\"title\":\"Milk\"}")),
                Step.toolCalls(Step.call("call_0", "add_task", "{\"title\":\"Eggs\"}")),
                Step.text("Added both."));

        agent().respond(turn("add milk, then eggs"), tools);

        List<JsonNode> third = messages(fake.requests().get(2));
        String firstId = third.get(2).path("tool_calls").get(0).path("id").asText();
        String secondId = third.get(4).path("tool_calls").get(0).path("id").asText();
        assertThat(firstId).isEqualTo("call_0");
        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(third.get(5).path("tool_call_id").asText()).isEqualTo(secondId);
        assertThat(allTasks()).extracting(Task::title).containsExactly("Milk", "Eggs");
    }

    @Test
    void threeRoundsListThenCompleteThenAnswer() {
        long id = idOf(TodoTools.forRequest(tasks, user, new Metrics()).call(Toolbox.ADD_TASK, Map.of("title", "Call mom")).result());
        fake.enqueue(Step.toolCalls(Step.call("list_tasks", "{\"status\":\"pending\"}")),
                Step.toolCalls(Step.call("complete_task", "{\"task_id\":" + id + "}")),
                Step.text("Completed task " + id + " \"Call mom\"."));

        AgentReply reply = agent().respond(turn("I called mom"), tools);

        assertThat(reply.content()).isEqualTo("Completed task " + id + " \"Call mom\".");
        assertThat(fake.requestCount()).isEqualTo(3);
        assertThat(allTasks()).singleElement().satisfies(task -> assertThat(task.completed()).isTrue());
        assertThat(lastToolResult(fake.requests().get(1))).contains("\"title\":\"Call mom\"", "\"completed\":false");
        assertThat(lastToolResult(fake.requests().get(2))).contains("\"status\":\"completed\"");
        assertThat(messages(fake.requests().get(2))).extracting(message -> message.path("role").asText())
                .containsExactly("system", "user", "assistant", "tool", "assistant", "tool");
        assertThat(reply.toolCalls().orElseThrow()).extracting(ToolCall::tool)
                .containsExactly(Toolbox.LIST_TASKS, Toolbox.COMPLETE_TASK);
        assertThat(reply.usage().orElseThrow().modelCalls()).isEqualTo(3);
    }

    @Test
    void malformedArgumentsAreAToolErrorTheModelReadsAndTheTurnStillCompletes() {
        fake.enqueue(Step.toolCalls(Step.call("add_task", "{\"title\": \"Milk\"")),
                Step.text("Sorry, I could not add that."));

        AgentReply reply = agent().respond(turn("add milk"), tools);

        assertThat(reply.content()).isEqualTo("Sorry, I could not add that.");
        assertThat(lastToolResult(fake.requests().get(1)))
                .isEqualTo("{\"error\":\"the arguments are not valid JSON; send a JSON object\"}");
        // The call goes back to the model as it was written, so it can see what it got wrong.
        assertThat(messages(fake.requests().get(1)).get(2).path("tool_calls").get(0).path("function")
                .path("arguments").asText()).isEqualTo("{\"title\": \"Milk\"");
        assertThat(tools.calls()).isEmpty();
        assertThat(allTasks()).isEmpty();
        assertThat(reply.toolCalls().orElseThrow()).singleElement().satisfies(call -> assertThat(call.failed()).isTrue());
    }

    @Test
    void anUnknownToolIsAToolErrorNamingTheTools() {
        fake.enqueue(Step.toolCalls(Step.call("drop_table", "{}")), Step.text("I can't do that."));

        AgentReply reply = agent().respond(turn("drop everything"), tools);

        assertThat(reply.content()).isEqualTo("I can't do that.");
        assertThat(lastToolResult(fake.requests().get(1)))
                .isEqualTo("{\"error\":\"there is no tool called drop_table; the tools are " + TOOLS_ARE + "\"}");
        assertThat(tools.calls()).isEmpty();
        assertThat(reply.toolCalls().orElseThrow()).containsExactly(new ToolCall("drop_table", Map.of(),
                Map.of("error", "there is no tool called drop_table; the tools are " + TOOLS_ARE)));
    }

    @Test
    void anArgumentOfTheWrongTypeIsAToolErrorAndTheToolIsNotCalled() {
        fake.enqueue(Step.toolCalls(Step.call("complete_task", "{\"task_id\":\"three\"}")), Step.text("Which task?"));

        AgentReply reply = agent().respond(turn("complete three"), tools);

        assertThat(reply.content()).isEqualTo("Which task?");
        assertThat(lastToolResult(fake.requests().get(1))).isEqualTo("{\"error\":\"task_id must be an integer\"}");
        assertThat(tools.calls()).isEmpty();
    }

    @Test
    void callIdsTheModelRepeatsOrLeavesOutAreMadeUniqueSoEachResultPairs() {
        fake.enqueue(Step.toolCalls(Step.call("call_1_1", "list_tasks", "{}"), Step.call("", "list_tasks", "{}"),
                        Step.call("call_1_1", "list_tasks", "{}")),
                Step.text("Nothing to do."));

        agent().respond(turn("what's up"), tools);

        List<JsonNode> second = messages(fake.requests().get(1));
        List<String> asked = StreamSupport.stream(second.get(2).path("tool_calls").spliterator(), false)
                .map(call -> call.path("id").asText()).toList();
        assertThat(asked).doesNotHaveDuplicates().hasSize(3).first().isEqualTo("call_1_1");
        assertThat(second.subList(3, 6)).extracting(message -> message.path("tool_call_id").asText())
                .containsExactlyElementsOf(asked);
    }

    @Test
    void a429WithRetryAfterIsAskedAgainAfterThatWait() {
        // One second is longer than the first backoff (at most 500 ms), so the gap shows the header was obeyed.
        fake.enqueue(Step.rateLimited().withHeader("retry-after", "1"), Step.text("Hello again."));

        AgentReply reply = agent().respond(turn("hi"), tools);

        assertThat(reply.content()).isEqualTo("Hello again.");
        assertThat(fake.requestCount()).isEqualTo(2);
        assertThat(Duration.between(fake.requests().get(0).receivedAt(), fake.requests().get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(fake.requests().get(1).body()).isEqualTo(fake.requests().get(0).body());
    }

    @Test
    void a500IsAskedAgain() {
        fake.enqueue(Step.serverError(500), Step.text("Here I am."));

        AgentReply reply = agent().respond(turn("hi"), tools);

        assertThat(reply.content()).isEqualTo("Here I am.");
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    @Test
    void aReadTimeoutIsAskedAgain() {
        fake.enqueue(Step.stall(Duration.ofSeconds(4), Step.text("too late")), Step.text("On time."));

        AgentReply reply = agent(new ModelSettings(300, 0.0, Duration.ofSeconds(1), 8), TokenBudget.unlimited())
                .respond(turn("hi"), tools);

        assertThat(reply.content()).isEqualTo("On time.");
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    @Test
    void aSpentQuotaIsNotAskedAgain() {
        fake.enqueue(Step.insufficientQuota(), Step.text("never"));

        ModelCallException failure = catchThrowableOfType(ModelCallException.class, () -> agent().respond(turn("hi"), tools));

        assertThat(failure.retryable()).isFalse();
        assertThat(fake.requestCount()).isEqualTo(1);
    }

    @Test
    void aTurnWithTooLittleTimeLeftAsksNothing() {
        AgentTurn late = new AgentTurn(user, "", List.of(), "hi", Optional.of(Instant.now().plusMillis(500)));

        ModelCallException failure = catchThrowableOfType(ModelCallException.class, () -> agent().respond(late, tools));

        assertThat(failure.retryable()).isTrue();
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void anEmptyFinalAnswerGetsTheFixedText() {
        fake.enqueue(Step.emptyAnswer());

        assertThat(agent().respond(turn("hmm"), tools).content()).isEqualTo(ModelAgent.NO_ANSWER);
    }

    @Test
    void anEmptyFinalAnswerAfterChangesSaysWhatWasDone() {
        fake.enqueue(Step.toolCalls(Step.call("add_task", "{\"title\":\"Milk\"}")), Step.emptyAnswer());

        AgentReply reply = agent().respond(turn("add milk"), tools);

        assertThat(reply.content()).isEqualTo("Done so far: added task " + allTasks().getFirst().id() + " \"Milk\".");
    }

    @Test
    void aReplyOverTheMessageLimitIsCapped() {
        fake.enqueue(Step.truncated("a".repeat(5_000)));

        String content = agent().respond(turn("write a lot"), tools).content();

        assertThat(content).hasSize(ModelAgent.MAX_REPLY_CHARS).endsWith("a\u2026");
    }

    @Test
    void theRoundLimitStopsTheTurnWithWhatWasDone() {
        fake.brain(body -> Step.toolCalls(Step.call("add_task", "{\"title\":\"Task " + fake.requestCount() + "\"}")));

        AgentReply reply = agent().respond(turn("add tasks forever"), tools);

        assertThat(fake.requestCount()).isEqualTo(ModelSettings.DEFAULT_MAX_ROUNDS);
        List<Task> added = allTasks();
        assertThat(added).hasSize(ModelSettings.DEFAULT_MAX_ROUNDS);
        StringBuilder done = new StringBuilder();
        for (Task task : added) {
            done.append(done.isEmpty() ? "" : "; ").append("added task ").append(task.id()).append(" \"").append(task.title()).append('"');
        }
        assertThat(reply.content()).isEqualTo("I stopped before finishing: that took more steps than I may take for one"
                + " message. Done so far: " + done + ".");
        assertThat(reply.usage().orElseThrow().modelCalls()).isEqualTo(ModelSettings.DEFAULT_MAX_ROUNDS);
    }

    @Test
    void theRoundLimitWithNothingChangedSaysSo() {
        fake.brain(body -> Step.toolCalls(Step.call("list_tasks", "{}")));

        AgentReply reply = agent(new ModelSettings(300, 0.0, Duration.ofSeconds(5), 3), TokenBudget.unlimited())
                .respond(turn("look"), tools);

        assertThat(fake.requestCount()).isEqualTo(3);
        assertThat(reply.content()).isEqualTo("I stopped before finishing: that took more steps than I may take for one"
                + " message. Nothing was changed.");
    }

    @Test
    void aSpentBudgetMakesNoModelCallAtAll() {
        fake.enqueue(Step.text("never"));

        AgentReply reply = agent(settings(), new CountingBudget(0)).respond(turn("hi"), tools);

        assertThat(fake.requestCount()).isZero();
        assertThat(reply.content()).isEqualTo(ModelAgent.BUDGET_SPENT);
        assertThat(reply.usage().orElseThrow().modelCalls()).isZero();
    }

    @Test
    void eachCallIsChargedWhatTheProviderCounted() {
        CountingBudget budget = new CountingBudget(10_000);
        fake.enqueue(Step.toolCalls(Step.call("list_tasks", "{}")).withUsage(100, 10), Step.text("None.").withUsage(150, 5));

        AgentReply reply = agent(settings(), budget).respond(turn("list"), tools);

        assertThat(budget.charges).containsExactly(110L, 155L);
        assertThat(budget.users).containsOnly(user);
        assertThat(reply.usage().orElseThrow().inputTokens()).isEqualTo(250);
        assertThat(reply.usage().orElseThrow().outputTokens()).isEqualTo(15);
    }

    @Test
    void aBudgetSpentMidTurnStopsBeforeTheNextCallAndSaysWhatWasDone() {
        fake.enqueue(Step.toolCalls(Step.call("add_task", "{\"title\":\"Milk\"}")).withUsage(900, 200), Step.text("never"));

        AgentReply reply = agent(settings(), new CountingBudget(1_000)).respond(turn("add milk"), tools);

        assertThat(fake.requestCount()).isEqualTo(1);
        assertThat(reply.content()).isEqualTo(ModelAgent.BUDGET_SPENT + " Done so far: added task "
                + allTasks().getFirst().id() + " \"Milk\".");
    }

    @Test
    void aResumedTurnAsksNoSavedAnswerAgainAndRunsNoSavedToolsAgain() {
        ModelRound saved = ModelRound.asked(1, new ModelAnswer("", List.of(new RequestedCall("call_saved", "add_task",
                        "{\"title\":\"Milk\"}")), new Usage("gpt-test", 100, 10), "tool_calls"))
                .withResults(List.of(new ToolResult("call_saved", "{\"task_id\":7,\"status\":\"created\",\"title\":\"Milk\"}", false)),
                        List.of(new ToolCall("add_task", Map.of("title", "Milk"), Map.of("task_id", 7L, "status", "created", "title", "Milk"))));
        TurnJournal journal = TurnJournal.inMemory();
        journal.save(saved);
        fake.enqueue(Step.text("Added task 7 \"Milk\"."));

        AgentReply reply = agent().respond(turn("add milk"), tools, journal);

        assertThat(reply.content()).isEqualTo("Added task 7 \"Milk\".");
        assertThat(fake.requestCount()).isEqualTo(1);
        assertThat(tools.calls()).isEmpty();
        assertThat(allTasks()).isEmpty();
        List<JsonNode> asked = messages(fake.lastRequest());
        assertThat(asked.get(2).path("tool_calls").get(0).path("id").asText()).isEqualTo("call_saved");
        assertThat(asked.get(3).path("content").asText()).isEqualTo("{\"task_id\":7,\"status\":\"created\",\"title\":\"Milk\"}");
        assertThat(reply.toolCalls().orElseThrow()).extracting(ToolCall::tool).containsExactly("add_task");
        assertThat(reply.usage().orElseThrow().inputTokens())
                .isEqualTo(100 + FakeChatCompletions.promptTokens(fake.lastRequest().body()));
        assertThat(reply.usage().orElseThrow().modelCalls()).isEqualTo(2);
        assertThat(journal.rounds()).hasSize(2).last().satisfies(round -> assertThat(round.isFinal()).isTrue());
    }

    @Test
    void aRoundSavedBeforeItsToolsRanRunsThemWithoutAskingTheModelAgain() {
        TurnJournal journal = TurnJournal.inMemory();
        journal.save(ModelRound.asked(1, new ModelAnswer("", List.of(new RequestedCall("call_saved", "add_task",
                "{\"title\":\"Milk\"}")), Usage.NONE, "tool_calls")));
        fake.enqueue(Step.text("Added."));

        AgentReply reply = agent().respond(turn("add milk"), tools, journal);

        assertThat(reply.content()).isEqualTo("Added.");
        assertThat(fake.requestCount()).isEqualTo(1);
        assertThat(allTasks()).extracting(Task::title).containsExactly("Milk");
        assertThat(journal.rounds().getFirst().toolsRan()).isTrue();
    }

    @Test
    void aSavedFinalAnswerIsTheReplyWithNoModelCall() {
        TurnJournal journal = TurnJournal.inMemory();
        journal.save(ModelRound.asked(1, new ModelAnswer("Hello from before.", List.of(), Usage.NONE, "stop")));

        AgentReply reply = agent().respond(turn("hi"), tools, journal);

        assertThat(reply.content()).isEqualTo("Hello from before.");
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void aCheckpointConflictStopsTheTurnBeforeItsTools() {
        fake.enqueue(Step.toolCalls(Step.call("add_task", "{\"title\":\"Milk\"}")), Step.text("never"));

        assertThatThrownBy(() -> agent().respond(turn("add milk"), tools, new ConflictingJournal(0)))
                .isInstanceOf(TurnJournal.CheckpointConflict.class);

        assertThat(fake.requestCount()).isEqualTo(1);
        assertThat(tools.calls()).isEmpty();
        assertThat(allTasks()).isEmpty();
    }

    @Test
    void aCheckpointConflictAfterTheToolsStopsTheTurnBeforeTheNextModelCall() {
        fake.enqueue(Step.toolCalls(Step.call("add_task", "{\"title\":\"Milk\"}")), Step.text("never"));

        assertThatThrownBy(() -> agent().respond(turn("add milk"), tools, new ConflictingJournal(1)))
                .isInstanceOf(TurnJournal.CheckpointConflict.class);

        assertThat(fake.requestCount()).isEqualTo(1);
        assertThat(fake.stepsLeft()).isEqualTo(1);
        assertThat(allTasks()).hasSize(1);
    }

    @Test
    void earlierRepliesToolCallsAreShownAsCallsAndResults() {
        List<ChatMessage> history = List.of(
                new ChatMessage(ChatMessage.Role.USER, "add milk", List.of()),
                new ChatMessage(ChatMessage.Role.ASSISTANT, "Added task 1 \"Milk\".",
                        List.of(new ToolCall("add_task", Map.of("title", "Milk"),
                                Map.of("task_id", 1, "status", "created", "title", "Milk")))));
        fake.enqueue(Step.text("You're welcome."));

        agent().respond(new AgentTurn(user, "", history, "thanks", Optional.empty()), tools);

        // The fake refuses a conversation whose tool messages answer no call, as OpenAI does: this one passed.
        assertThat(messages(fake.lastRequest())).extracting(message -> message.path("role").asText())
                .containsExactly("system", "user", "assistant", "tool", "assistant", "user");
    }

    private ModelAgent agent() {
        return agent(settings(), TokenBudget.unlimited());
    }

    private static ModelSettings settings() {
        return new ModelSettings(300, 0.0, Duration.ofSeconds(5), ModelSettings.DEFAULT_MAX_ROUNDS);
    }

    private ModelAgent agent(ModelSettings settings, TokenBudget budget) {
        OpenAiChatClient client = new OpenAiChatClient(OpenAiSettings.bearer(URI.create(fake.baseUrl()), "gpt-test",
                Optional.of("sk-test")));
        return new ModelAgent(client, settings, budget, Clock.systemUTC());
    }

    private AgentTurn turn(String text) {
        return new AgentTurn(user, "", List.of(), text, Optional.empty());
    }

    private List<Task> allTasks() {
        return tasks.list(user, StatusFilter.ALL, 100, OptionalLong.empty()).items();
    }

    private static List<JsonNode> messages(RecordedRequest request) {
        List<JsonNode> messages = new ArrayList<>();
        request.messages().forEach(messages::add);
        return messages;
    }

    private static String lastToolResult(RecordedRequest request) {
        List<JsonNode> messages = messages(request);
        JsonNode last = messages.getLast();
        assertThat(last.path("role").asText()).isEqualTo("tool");
        return last.path("content").asText();
    }

    private static long idOf(Object result) {
        return ((Number) ((Map<?, ?>) result).get("task_id")).longValue();
    }

    /** Allows a user the model while what was charged today is under {@code limit}. */
    private static final class CountingBudget implements TokenBudget {
        private final long limit;
        final List<Long> charges = new ArrayList<>();
        final List<String> users = new ArrayList<>();

        CountingBudget(long limit) {
            this.limit = limit;
        }

        @Override
        public boolean allows(String userId, Instant now) {
            return charges.stream().mapToLong(Long::longValue).sum() < limit;
        }

        @Override
        public boolean charge(String userId, long tokens, Instant now) {
            charges.add(tokens);
            users.add(userId);
            return allows(userId, now);
        }
    }

    /** A journal that another run overtakes after {@code savesAllowed} saves. */
    private static final class ConflictingJournal implements TurnJournal {
        private final TurnJournal kept = TurnJournal.inMemory();
        private int savesAllowed;

        ConflictingJournal(int savesAllowed) {
            this.savesAllowed = savesAllowed;
        }

        @Override
        public List<ModelRound> rounds() {
            return kept.rounds();
        }

        @Override
        public void save(ModelRound round) {
            if (savesAllowed-- <= 0) {
                throw new CheckpointConflict("another run of this job saved round " + round.number() + " first");
            }
            kept.save(round);
        }
    }
}
