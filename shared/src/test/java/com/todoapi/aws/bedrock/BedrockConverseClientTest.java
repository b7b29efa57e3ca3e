package com.todoapi.aws.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.todoapi.agent.AgentReply;
import com.todoapi.agent.AgentTurn;
import com.todoapi.agent.ReplyUsage;
import com.todoapi.agent.ToolCall;
import com.todoapi.agent.model.ModelAgent;
import com.todoapi.agent.ModelAnswer;
import com.todoapi.agent.model.ModelCallException;
import com.todoapi.agent.model.ModelMessage;
import com.todoapi.agent.model.ModelRequest;
import com.todoapi.agent.model.ModelSettings;
import com.todoapi.agent.model.ModelTool;
import com.todoapi.agent.RequestedCall;
import com.todoapi.agent.model.TokenBudget;
import com.todoapi.agent.ToolResult;
import com.todoapi.agent.Usage;
import com.todoapi.aws.AwsClients;
import com.todoapi.json.Json;
import com.todoapi.testing.FakeBedrockConverse;
import com.todoapi.testing.FakeBedrockConverse.ToolUse;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The Converse client against a fake Bedrock that speaks its wire protocol, through the SDK
 * client {@link AwsClients#bedrockRuntime()} builds: pointed at the fake by the SDK's own
 * endpoint setting, with test credentials and region as system properties (restored after).
 */
class BedrockConverseClientTest {
    private static final String MODEL = "eu.anthropic.claude-3-7-sonnet-20250219-v1:0";
    private static final String ADD_TASK_SCHEMA = """
            {"type":"object","properties":{"title":{"type":"string","minLength":1,"maxLength":200},\
            "description":{"type":"string","maxLength":2000}},"required":["title"],"additionalProperties":false}""";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, String> savedProperties = new HashMap<>();
    private FakeBedrockConverse bedrock;
    private BedrockRuntimeClient sdk;
    private BedrockConverseClient client;

    @BeforeEach
    void pointTheSdkAtTheFake() {
        bedrock = FakeBedrockConverse.start();
        setProperty("aws.endpointUrlBedrockRuntime", bedrock.endpoint().toString());
        setProperty("aws.region", "eu-west-1");
        setProperty("aws.accessKeyId", "AKIDBEDROCKTEST");
        setProperty("aws.secretAccessKey", "bedrock-test-secret");
        sdk = AwsClients.bedrockRuntime();
        client = new BedrockConverseClient(sdk, MODEL);
    }

    @AfterEach
    void restore() {
        sdk.close();
        bedrock.close();
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void aTextAnswerComesBackWithItsUsageFromASignedCallToTheModel() {
        bedrock.answersText("You have two tasks.", 120, 14);

        ModelAnswer answer = client.complete(request(List.of(new ModelMessage.User("How many tasks?"))));

        assertThat(answer.text()).isEqualTo("You have two tasks.");
        assertThat(answer.calls()).isEmpty();
        assertThat(answer.usage()).isEqualTo(new Usage(MODEL, 120, 14));
        assertThat(answer.stopReason()).isEqualTo("end_turn");
        FakeBedrockConverse.Request sent = bedrock.lastRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.modelId()).isEqualTo(MODEL);
        assertThat(sent.header("Content-Type")).startsWith("application/json");
        assertThat(sent.header("Authorization")).startsWith("AWS4-HMAC-SHA256 ")
                .contains("/eu-west-1/bedrock/aws4_request");
    }

    @Test
    void oneToolUseBecomesOneCallWithItsIdNameAndArguments() {
        bedrock.usesTools("", new ToolUse("tooluse_Abc-1", "add_task", "{\"title\":\"Buy milk\"}"));

        ModelAnswer answer = client.complete(request(List.of(new ModelMessage.User("Add buy milk"))));

        assertThat(answer.text()).isEmpty();
        assertThat(answer.stopReason()).isEqualTo("tool_use");
        assertThat(answer.calls()).hasSize(1);
        RequestedCall call = answer.calls().getFirst();
        assertThat(call.id()).isEqualTo("tooluse_Abc-1");
        assertThat(call.tool()).isEqualTo("add_task");
        assertThat(tree(call.arguments())).isEqualTo(tree("{\"title\":\"Buy milk\"}"));
    }

    @Test
    void severalToolUsesInOneAnswerKeepTheirOrderTheTextAndWholeNumbers() {
        bedrock.usesTools("Doing both.",
                new ToolUse("tooluse_1", "complete_task", "{\"task_id\":3}"),
                new ToolUse("tooluse_2", "update_task", "{\"task_id\":4,\"title\":\"Call Ann\",\"done\":[true,null,1.5]}"));

        ModelAnswer answer = client.complete(request(List.of(new ModelMessage.User("Finish 3, rename 4"))));

        assertThat(answer.text()).isEqualTo("Doing both.");
        assertThat(answer.calls()).extracting(RequestedCall::id, RequestedCall::tool)
                .containsExactly(tuple("tooluse_1", "complete_task"),
                        tuple("tooluse_2", "update_task"));
        // A task number stays an integer: the tools' schemas check "integer".
        assertThat(answer.calls().get(0).arguments()).isEqualTo("{\"task_id\":3}");
        assertThat(tree(answer.calls().get(1).arguments()))
                .isEqualTo(tree("{\"task_id\":4,\"title\":\"Call Ann\",\"done\":[true,null,1.5]}"));
        assertThat(answer.usage().totalTokens()).isEqualTo(28);
    }

    @Test
    void theRequestCarriesTheSystemPromptAlternatingMessagesOneUserMessageOfResultsTheToolsAndTheLimits() {
        bedrock.answersText("There you go.");
        List<ModelMessage> conversation = List.of(
                new ModelMessage.User("Add milk and show my list"),
                new ModelMessage.Assistant("", List.of(
                        new RequestedCall("call_1_0", "add_task", "{\"title\":\"Milk\"}"),
                        new RequestedCall("call_1_1", "list_tasks", "not json"))),
                new ModelMessage.ToolResults(List.of(
                        new ToolResult("call_1_0", "{\"task_id\":1,\"status\":\"created\",\"title\":\"Milk\"}", false),
                        new ToolResult("call_1_1", "{\"error\":\"the arguments are not valid JSON\"}", true))),
                new ModelMessage.Assistant("Added task 1 \"Milk\".", List.of()),
                new ModelMessage.User("Thanks"));

        client.complete(new ModelRequest("You manage tasks.", conversation,
                List.of(new ModelTool("add_task", "Adds a task to the user's list.", ADD_TASK_SCHEMA),
                        new ModelTool("list_tasks", "Lists the user's tasks.", "{\"type\":\"object\",\"properties\":{}}")),
                512, 0.2, TIMEOUT));

        JsonNode body = bedrock.lastRequest().body();
        assertThat(body.path("system")).isEqualTo(tree("[{\"text\":\"You manage tasks.\"}]"));
        JsonNode messages = body.path("messages");
        assertThat(messages.findValuesAsText("role")).containsExactly("user", "assistant", "user", "assistant", "user");
        assertThat(messages.get(0).path("content")).isEqualTo(tree("[{\"text\":\"Add milk and show my list\"}]"));
        // No blank text block beside the tool uses; arguments that are not JSON go as an empty object.
        assertThat(messages.get(1).path("content")).isEqualTo(tree("""
                [{"toolUse":{"toolUseId":"call_1_0","name":"add_task","input":{"title":"Milk"}}},
                 {"toolUse":{"toolUseId":"call_1_1","name":"list_tasks","input":{}}}]"""));
        assertThat(messages.get(2).path("content")).isEqualTo(tree("""
                [{"toolResult":{"toolUseId":"call_1_0","content":[{"text":"{\\"task_id\\":1,\\"status\\":\\"created\\",\\"title\\":\\"Milk\\"}"}]}},
                 {"toolResult":{"toolUseId":"call_1_1","content":[{"text":"{\\"error\\":\\"the arguments are not valid JSON\\"}"}],"status":"error"}}]"""));
        assertThat(messages.get(3).path("content")).isEqualTo(tree("[{\"text\":\"Added task 1 \\\"Milk\\\".\"}]"));
        assertThat(messages.get(4).path("content")).isEqualTo(tree("[{\"text\":\"Thanks\"}]"));
        assertThat(body.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(512);
        assertThat(body.path("inferenceConfig").path("temperature").asDouble()).isCloseTo(0.2, within(1e-6));
        assertThat(body.path("toolConfig")).isEqualTo(tree("""
                {"tools":[{"toolSpec":{"name":"add_task","description":"Adds a task to the user's list.",
                                       "inputSchema":{"json":%s}}},
                          {"toolSpec":{"name":"list_tasks","description":"Lists the user's tasks.",
                                       "inputSchema":{"json":{"type":"object","properties":{}}}}}],
                 "toolChoice":{"auto":{}}}""".formatted(ADD_TASK_SCHEMA)));
    }

    @Test
    void aLeadingReplyIsDroppedMessagesOfOneRoleInARowAreJoinedAndTheTemperatureIsKeptInBedrocksRange() {
        bedrock.answersText("Hello.");
        List<ModelMessage> conversation = List.of(
                new ModelMessage.Assistant("a reply whose message left the window", List.of()),
                new ModelMessage.User("first"),
                new ModelMessage.User("second"),
                new ModelMessage.Assistant("one", List.of()),
                new ModelMessage.Assistant("two", List.of()),
                new ModelMessage.User("third"));

        client.complete(new ModelRequest("", conversation, List.of(), 100, 1.5, TIMEOUT));

        JsonNode body = bedrock.lastRequest().body();
        assertThat(body.path("messages")).isEqualTo(tree("""
                [{"role":"user","content":[{"text":"first"},{"text":"second"}]},
                 {"role":"assistant","content":[{"text":"one"},{"text":"two"}]},
                 {"role":"user","content":[{"text":"third"}]}]"""));
        assertThat(body.has("system")).as("an empty system prompt is left out").isFalse();
        assertThat(body.has("toolConfig")).as("no tools, no toolConfig").isFalse();
        assertThat(body.path("inferenceConfig").path("temperature").asDouble()).isEqualTo(1.0);
    }

    @Test
    void throttlingMayPassAndIsNotRetriedByTheSdk() {
        bedrock.failsWith("ThrottlingException");

        assertThatThrownBy(() -> client.complete(request(List.of(new ModelMessage.User("secret plans")))))
                .isInstanceOfSatisfying(ModelCallException.class, failure -> {
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure.getMessage()).isEqualTo("Bedrock answered HTTP 429 (ThrottlingException)");
                });
        assertThat(bedrock.requests()).as("the model loop retries, not the SDK").hasSize(1);
    }

    @Test
    void aValidationErrorIsPermanentAndItsMessageHoldsNeitherTheServicesWordsNorThePrompt() {
        bedrock.failsWith("ValidationException");

        assertThatThrownBy(() -> client.complete(request(List.of(new ModelMessage.User("secret plans")))))
                .isInstanceOfSatisfying(ModelCallException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(ModelCallException.Kind.PERMANENT);
                    assertThat(failure.getMessage()).isEqualTo("Bedrock answered HTTP 400 (ValidationException)");
                    assertThat(failure.getCause()).isNull();
                });
        assertThat(bedrock.requests()).hasSize(1);
    }

    @Test
    void aModelTimeoutMayPass() {
        bedrock.failsWith("ModelTimeoutException");

        assertThatThrownBy(() -> client.complete(request(List.of(new ModelMessage.User("hi")))))
                .isInstanceOfSatisfying(ModelCallException.class, failure -> {
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure.getMessage()).isEqualTo("Bedrock answered HTTP 408 (ModelTimeoutException)");
                });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "ServiceUnavailableException, RETRYABLE",
            "InternalServerException, RETRYABLE",
            "ModelErrorException, RETRYABLE",
            "ModelNotReadyException, RETRYABLE",
            "AccessDeniedException, PERMANENT",
            "ResourceNotFoundException, PERMANENT",
            "ServiceQuotaExceededException, PERMANENT"})
    void eachOfConversesErrorsIsMappedByWhetherItMayPass(String errorType, ModelCallException.Kind kind) {
        bedrock.failsWith(errorType);

        assertThatThrownBy(() -> client.complete(request(List.of(new ModelMessage.User("hi")))))
                .isInstanceOfSatisfying(ModelCallException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(kind);
                    assertThat(failure.getMessage()).endsWith("(" + errorType + ")");
                });
    }

    @Test
    void aModelThatStallsIsGivenUpWithinTheRequestsTimeoutAndMayPass() {
        bedrock.stalls(Duration.ofSeconds(20));
        Duration timeout = Duration.ofMillis(800);
        ModelRequest request = new ModelRequest("", List.of(new ModelMessage.User("hi")), List.of(), 100, 0, timeout);

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.complete(request))
                .isInstanceOfSatisfying(ModelCallException.class, failure -> {
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure.getMessage()).isEqualTo("the model did not answer within 800 ms");
                });
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(700)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aBedrockThatCannotBeReachedMayPass() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        setProperty("aws.endpointUrlBedrockRuntime", "http://127.0.0.1:" + closedPort);
        try (BedrockRuntimeClient unreachable = AwsClients.bedrockRuntime()) {
            BedrockConverseClient nowhere = new BedrockConverseClient(unreachable, MODEL);

            assertThatThrownBy(() -> nowhere.complete(request(List.of(new ModelMessage.User("hi")))))
                    .isInstanceOfSatisfying(ModelCallException.class, failure -> {
                        assertThat(failure.retryable()).isTrue();
                        assertThat(failure.getMessage()).startsWith("the model could not be reached (");
                    });
        }
    }

    @Test
    void aWholeTurnOfThreeRoundsRunsTheToolsAndRepliesThroughBedrock() {
        bedrock.usesTools("", new ToolUse("tooluse_list", "list_tasks", "{\"status\":\"pending\"}"))
                .usesTools("Completing it.", new ToolUse("tooluse_done", "complete_task", "{\"task_id\":2}"))
                .answersText("Completed task 2 \"Buy milk\".", 300, 12);
        FixedToolbox tools = new FixedToolbox();
        ModelAgent agent = new ModelAgent(client, new ModelSettings(400, 0.1, TIMEOUT, 4), TokenBudget.unlimited(),
                Clock.systemUTC());

        AgentReply reply = agent.respond(new AgentTurn("", List.of(), "I bought the milk"), tools);

        assertThat(reply.content()).isEqualTo("Completed task 2 \"Buy milk\".");
        assertThat(tools.calls()).containsExactly("list_tasks {status=pending}", "complete_task {task_id=2}");
        assertThat(reply.toolCalls()).get().asInstanceOf(InstanceOfAssertFactories.LIST)
                .extracting(call -> ((ToolCall) call).tool()).containsExactly("list_tasks", "complete_task");
        assertThat(reply.usage()).contains(new ReplyUsage(MODEL, 20 + 20 + 300, 8 + 8 + 12, 3));
        assertThat(reply.summary()).contains("Buy milk");

        List<FakeBedrockConverse.Request> sent = bedrock.requests();
        assertThat(sent).hasSize(3);
        JsonNode last = sent.get(2).body().path("messages");
        assertThat(last.findValuesAsText("role")).containsExactly("user", "assistant", "user", "assistant", "user");
        assertThat(last.get(1).path("content").get(0).path("toolUse").path("toolUseId").asText()).isEqualTo("tooluse_list");
        assertThat(last.get(2).path("content").get(0).path("toolResult").path("toolUseId").asText()).isEqualTo("tooluse_list");
        assertThat(tree(last.get(2).path("content").get(0).path("toolResult").path("content").get(0).path("text").asText()))
                .isEqualTo(tree(FixedToolbox.PENDING_JSON));
        assertThat(last.get(3).path("content")).isEqualTo(tree("""
                [{"text":"Completing it."},
                 {"toolUse":{"toolUseId":"tooluse_done","name":"complete_task","input":{"task_id":2}}}]"""));
        JsonNode completed = last.get(4).path("content").get(0).path("toolResult");
        assertThat(completed.path("toolUseId").asText()).isEqualTo("tooluse_done");
        assertThat(completed.has("status")).isFalse();
        assertThat(sent.get(2).body().path("toolConfig").path("tools").findValuesAsText("name"))
                .containsExactly("list_tasks", "complete_task");
    }

    private void setProperty(String name, String value) {
        savedProperties.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    private static ModelRequest request(List<ModelMessage> messages) {
        return new ModelRequest("You manage tasks.", messages,
                List.of(new ModelTool("add_task", "Adds a task to the user's list.", ADD_TASK_SCHEMA)), 256, 0.3, TIMEOUT);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
