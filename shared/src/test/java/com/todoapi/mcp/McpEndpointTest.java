package com.todoapi.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.aws.dynamodb.DynamoIdempotencyStore;
import com.todoapi.aws.dynamodb.DynamoTaskStore;
import com.todoapi.aws.dynamodb.Tables;
import com.todoapi.chat.TodoTools;
import com.todoapi.idempotency.IdempotentRunner;
import com.todoapi.metrics.Metrics;
import com.todoapi.tasks.TaskService;
import com.todoapi.testing.AwsBackend;
import com.todoapi.testing.AwsBackendExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The MCP endpoint's protocol rules, both eras, with the real tools on DynamoDB Local. */
@ExtendWith(AwsBackendExtension.class)
class McpEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final McpEndpoint endpoint = new McpEndpoint();
    private TaskService tasks;
    private String user;

    @BeforeEach
    void setUp(AwsBackend aws) {
        Tables tables = new Tables(aws.aws().dynamoDb(), aws.tableName());
        tasks = new TaskService(new DynamoTaskStore(tables),
                new IdempotentRunner(new DynamoIdempotencyStore(tables), Clock.systemUTC()), Clock.systemUTC());
        user = "mcp-" + UUID.randomUUID();
    }

    // ---- 2026-07-28

    @Test
    void discoverNamesTheVersionsCapabilitiesAndServer() {
        McpAnswer answer = modern("server/discover", null, "{}");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode result = answer.body().get("result");
        assertThat(answer.body().get("id").asInt()).isEqualTo(1);
        assertThat(result.get("resultType").asText()).isEqualTo("complete");
        assertThat(result.get("supportedVersions")).extracting(JsonNode::asText)
                .containsExactly("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26");
        assertThat(result.at("/capabilities/tools").isObject()).isTrue();
        assertThat(result.at("/_meta/io.modelcontextprotocol~1serverInfo/name").asText()).isEqualTo("todo-api");
        assertThat(result.get("ttlMs").asLong()).isPositive();
        assertThat(result.get("cacheScope").asText()).isEqualTo("public");
    }

    @Test
    void toolsListHasTheFiveToolsWithSchemasAnnotationsAndCachingFields() {
        JsonNode result = modern("tools/list", null, "{}").body().get("result");
        assertThat(result.get("resultType").asText()).isEqualTo("complete");
        assertThat(result.get("ttlMs").asLong()).isEqualTo(300_000);
        assertThat(result.get("cacheScope").asText()).isEqualTo("public");
        assertThat(result.get("tools")).extracting(tool -> tool.get("name").asText())
                .containsExactly("add_task", "list_tasks", "complete_task", "delete_task", "update_task");
        for (JsonNode tool : result.get("tools")) {
            assertThat(tool.at("/inputSchema/type").asText()).as(tool.toString()).isEqualTo("object");
            assertThat(tool.at("/outputSchema/type").asText()).as(tool.toString()).isEqualTo("object");
            assertThat(tool.get("title").asText()).isNotBlank();
        }
        assertThat(tool(result, "list_tasks").at("/annotations/readOnlyHint").asBoolean()).isTrue();
        assertThat(tool(result, "list_tasks").at("/outputSchema/properties/items/type").asText()).isEqualTo("array");
        assertThat(tool(result, "delete_task").at("/annotations/destructiveHint").asBoolean()).isTrue();
        // Completing a recurring task twice moves it two occurrences on: not idempotent.
        assertThat(tool(result, "complete_task").at("/annotations/idempotentHint").asBoolean()).isFalse();
        assertThat(tool(result, "add_task").at("/annotations/idempotentHint").asBoolean()).isFalse();
        assertThat(tool(result, "add_task").at("/annotations/readOnlyHint").asBoolean()).isFalse();
    }

    @Test
    void toolsCallAddsListsCompletesAndReportsAMissingTaskAsAToolError() {
        JsonNode added = call("add_task", "{\"title\":\"Buy milk\"}");
        assertThat(added.get("isError").asBoolean()).isFalse();
        assertThat(added.at("/structuredContent/status").asText()).isEqualTo("created");
        assertThat(added.at("/structuredContent/title").asText()).isEqualTo("Buy milk");
        long id = added.at("/structuredContent/task_id").asLong();
        assertThat(added.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(json(added.at("/content/0/text").asText()).toString()).isEqualTo(added.get("structuredContent").toString());

        JsonNode listed = call("list_tasks", "{\"status\":\"pending\"}");
        assertThat(listed.at("/structuredContent/items")).hasSize(1);
        assertThat(listed.at("/structuredContent/items/0/title").asText()).isEqualTo("Buy milk");

        JsonNode completed = call("complete_task", "{\"task_id\":" + id + "}");
        assertThat(completed.at("/structuredContent/status").asText()).isEqualTo("completed");
        assertThat(call("list_tasks", "{\"status\":\"pending\"}").at("/structuredContent/items")).isEmpty();

        JsonNode missing = call("delete_task", "{\"task_id\":999}");
        assertThat(missing.get("isError").asBoolean()).isTrue();
        assertThat(missing.has("structuredContent")).isFalse();
        assertThat(missing.at("/content/0/text").asText()).contains("999");
    }

    @Test
    void badArgumentsAreToolErrorsAndNothingIsWritten() {
        assertThat(call("add_task", "{}").at("/content/0/text").asText()).contains("title");
        assertThat(call("add_task", "{\"title\":5}").get("isError").asBoolean()).isTrue();
        assertThat(call("add_task", "{\"title\":\"x\",\"user_id\":\"someone-else\"}").at("/content/0/text").asText())
                .contains("user_id");
        assertThat(call("complete_task", "{\"task_id\":\"three\"}").get("isError").asBoolean()).isTrue();
        assertThat(call("complete_task", "{\"task_id\":1.5}").get("isError").asBoolean()).isTrue();
        assertThat(call("list_tasks", "{\"status\":\"done\"}").get("isError").asBoolean()).isTrue();
        assertThat(call("list_tasks", "{}").at("/structuredContent/items")).isEmpty();
    }

    @Test
    void anUnknownToolOrArgumentsThatAreNoObjectAreInvalidParams() {
        assertThat(modernCall("drop_table", "{}").body().at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(modernCall("drop_table", "{}").body().at("/error/message").asText()).contains("drop_table");
        McpAnswer notAnObject = modern("tools/call", "add_task", "{\"name\":\"add_task\",\"arguments\":[1]}");
        assertThat(notAnObject.body().at("/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void headersMustMatchTheBody() {
        McpAnswer wrongVersion = endpoint.answer(post(Map.of("mcp-protocol-version", "2025-11-25", "mcp-method", "tools/list"),
                request("tools/list", "{}", true)), tools());
        assertMismatch(wrongVersion);
        assertMismatch(endpoint.answer(post(Map.of("mcp-method", "tools/list"), request("tools/list", "{}", true)), tools()));
        assertMismatch(endpoint.answer(post(Map.of("mcp-protocol-version", "2026-07-28"), request("tools/list", "{}", true)), tools()));
        assertMismatch(endpoint.answer(post(Map.of("mcp-protocol-version", "2026-07-28", "mcp-method", "tools/call"),
                request("tools/list", "{}", true)), tools()));
        assertMismatch(modern("tools/call", null, "{\"name\":\"list_tasks\"}"));
        assertMismatch(modern("tools/call", "add_task", "{\"name\":\"list_tasks\"}"));
        assertMismatch(modern("tools/call", "=?base64?!!!?=", "{\"name\":\"list_tasks\"}"));
    }

    @Test
    void aBase64EncodedNameIsDecodedBeforeTheComparison() {
        String encoded = "=?base64?" + Base64.getEncoder().encodeToString("list_tasks".getBytes(StandardCharsets.UTF_8)) + "?=";
        McpAnswer answer = modern("tools/call", encoded, "{\"name\":\"list_tasks\"}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/result/isError").asBoolean()).isFalse();
    }

    @Test
    void anUnsupportedVersionListsTheSupportedOnes() {
        McpAnswer answer = endpoint.answer(post(Map.of("mcp-protocol-version", "1900-01-01", "mcp-method", "tools/list"),
                request("tools/list", "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"1900-01-01\","
                        + "\"io.modelcontextprotocol/clientCapabilities\":{}}}", false)), tools());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().at("/error/code").asInt()).isEqualTo(-32022);
        assertThat(answer.body().at("/error/data/requested").asText()).isEqualTo("1900-01-01");
        assertThat(answer.body().at("/error/data/supported/0").asText()).isEqualTo("2026-07-28");
        assertThat(answer.body().get("id").asInt()).isEqualTo(1);
    }

    @Test
    void aModernRequestWithoutItsMetaIsInvalidParams() {
        Map<String, String> headers = Map.of("mcp-protocol-version", "2026-07-28", "mcp-method", "tools/list");
        McpAnswer noMeta = endpoint.answer(post(headers, request("tools/list", "{}", false)), tools());
        assertThat(noMeta.status()).isEqualTo(400);
        assertThat(noMeta.body().at("/error/code").asInt()).isEqualTo(-32602);
        McpAnswer noCapabilities = endpoint.answer(post(headers, request("tools/list",
                "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}", false)), tools());
        assertThat(noCapabilities.status()).isEqualTo(400);
        assertThat(noCapabilities.body().at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(noCapabilities.body().at("/error/message").asText()).contains("clientCapabilities");
    }

    @Test
    void anUnknownMethodIs404MethodNotFoundInTheModernEra() {
        McpAnswer answer = modern("resources/list", null, "{}");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(modern("ping", null, "{}").status()).as("ping was removed in 2026-07-28").isEqualTo(404);
        assertThat(modern("initialize", null, "{}").status()).isEqualTo(404);
    }

    // ---- the handshake era

    @Test
    void initializeIsAPureFunctionThatEchoesASupportedVersionElseTheLatest() {
        for (String version : new String[] {"2025-11-25", "2025-06-18", "2025-03-26"}) {
            JsonNode result = legacy(null, "initialize", "{\"protocolVersion\":\"" + version
                    + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}").body().get("result");
            assertThat(result.get("protocolVersion").asText()).isEqualTo(version);
            assertThat(result.at("/capabilities/tools").isObject()).isTrue();
            assertThat(result.at("/serverInfo/name").asText()).isEqualTo("todo-api");
            assertThat(result.has("resultType")).isFalse();
        }
        assertThat(legacy(null, "initialize", "{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{}}")
                .body().at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
        assertThat(legacy(null, "initialize", "{\"protocolVersion\":\"2026-07-28\",\"capabilities\":{}}")
                .body().at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
    }

    @Test
    void theHandshakeEraServesPingListAndCallWithoutASession() {
        assertThat(legacy("2025-11-25", "ping", "{}").body().get("result")).isEqualTo(JSON.createObjectNode());
        JsonNode listed = legacy("2025-06-18", "tools/list", "{}").body().get("result");
        assertThat(listed.get("tools")).hasSize(5);
        assertThat(listed.has("resultType")).isFalse();
        JsonNode added = legacy(null, "tools/call", "{\"name\":\"add_task\",\"arguments\":{\"title\":\"Old client\"}}")
                .body().get("result");
        assertThat(added.at("/structuredContent/title").asText()).isEqualTo("Old client");
        McpAnswer unknown = legacy("2025-11-25", "server/discover", "{}");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body().at("/error/code").asInt()).isEqualTo(-32601);
        McpAnswer badHeader = legacy("2024-01-01", "tools/list", "{}");
        assertThat(badHeader.status()).isEqualTo(400);
        assertThat(badHeader.body().at("/error/code").asInt()).isEqualTo(-32022);
    }

    @Test
    void notificationsAndResponsesAreAcceptedWithNoBody() {
        McpAnswer initialized = endpoint.answer(post(Map.of("mcp-protocol-version", "2025-11-25"),
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"), tools());
        assertThat(initialized.status()).isEqualTo(202);
        assertThat(initialized.hasBody()).isFalse();
        McpAnswer response = endpoint.answer(post(Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}"), tools());
        assertThat(response.status()).isEqualTo(202);
    }

    @Test
    void batchesExistOnlyIn20250326() {
        String batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}]";
        McpAnswer old = endpoint.answer(post(Map.of(), batch), tools());
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.body()).hasSize(2);
        assertThat(old.body().get(1).at("/result/tools")).hasSize(5);
        McpAnswer newer = endpoint.answer(post(Map.of("mcp-protocol-version", "2025-06-18"), batch), tools());
        assertThat(newer.status()).isEqualTo(400);
        assertThat(newer.body().at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(newer.body().has("id")).isFalse();
        McpAnswer modern = endpoint.answer(post(Map.of("mcp-protocol-version", "2026-07-28"), batch), tools());
        assertThat(modern.status()).isEqualTo(400);
        assertThat(endpoint.answer(post(Map.of(), "[]"), tools()).body().at("/error/code").asInt()).isEqualTo(-32600);
        McpAnswer withJunk = endpoint.answer(post(Map.of(), "[7,{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}]"), tools());
        assertThat(withJunk.status()).isEqualTo(200);
        assertThat(withJunk.body().get(0).at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(withJunk.body().get(0).has("id")).as("an element that is no message has no id to echo").isFalse();
        assertThat(withJunk.body().get(1).get("id").asInt()).isEqualTo(3);
    }

    // ---- malformed messages: JSON-RPC errors, never a failure

    @Test
    void malformedMessagesGetTheRightCodes() {
        assertError(endpoint.answer(post(Map.of(), "{\"jsonrpc\":"), tools()), 400, -32700);
        assertError(endpoint.answer(post(Map.of(), ""), tools()), 400, -32600);
        assertError(endpoint.answer(post(Map.of(), "\"just a string\""), tools()), 400, -32600);
        assertError(endpoint.answer(post(Map.of(), "{\"id\":1,\"method\":\"ping\"}"), tools()), 400, -32600);
        assertError(endpoint.answer(post(Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}"), tools()), 400, -32600);
        assertError(endpoint.answer(post(Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}"), tools()), 400, -32600);
        assertError(endpoint.answer(post(Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}"), tools()), 400, -32600);
        assertError(endpoint.answer(post(Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}"), tools()), 400, -32600);
        assertError(endpoint.answer(post(Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":1}"), tools()), 400, -32600);
        McpAnswer arrayParams = endpoint.answer(post(Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/list\",\"params\":[]}"), tools());
        assertError(arrayParams, 400, -32602);
        assertThat(arrayParams.body().get("id").asText()).as("the id is echoed when it could be read").isEqualTo("a");
        assertError(endpoint.answer(post(Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":5}}"),
                tools()), 400, -32602);
        byte[] invalidUtf8 = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"x\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertError(endpoint.answer(new McpPost(Map.of(), invalidUtf8), tools()), 400, -32700);
    }

    @Test
    void aBodyOf64KiBOrMoreIsRefused() {
        String padding = "x".repeat(McpEndpoint.MAX_BODY_BYTES);
        McpAnswer answer = endpoint.answer(post(Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"p\":\"" + padding + "\"}"), tools());
        assertError(answer, 413, -31413);
        String justUnder = "x".repeat(McpEndpoint.MAX_BODY_BYTES - 100);
        assertThat(endpoint.answer(post(Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"p\":\""
                + justUnder + "\"}}"), tools()).status()).isEqualTo(200);
    }

    @Test
    void aListCursorIsInvalidBecauseNoneWasIssued() {
        McpAnswer answer = modern("tools/list", null, "{\"cursor\":\"abc\"}");
        assertThat(answer.body().at("/error/code").asInt()).isEqualTo(-32602);
    }

    // ---- helpers

    private TodoTools tools() {
        return TodoTools.forRequest(tasks, user, new Metrics());
    }

    private JsonNode call(String tool, String arguments) {
        McpAnswer answer = modernCall(tool, arguments);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().get("result").get("resultType").asText()).isEqualTo("complete");
        return answer.body().get("result");
    }

    private McpAnswer modernCall(String tool, String arguments) {
        return modern("tools/call", tool, "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}");
    }

    /** A 2026-07-28 request with matching headers; {@code params} without _meta, which is added. */
    private McpAnswer modern(String method, String name, String params) {
        Map<String, String> headers = new HashMap<>(Map.of("mcp-protocol-version", "2026-07-28", "mcp-method", method));
        if (name != null) {
            headers.put("mcp-name", name);
        }
        return endpoint.answer(post(headers, request(method, params, true)), tools());
    }

    private McpAnswer legacy(String version, String method, String params) {
        Map<String, String> headers = version == null ? Map.of() : Map.of("mcp-protocol-version", version);
        return endpoint.answer(post(headers, request(method, params, false)), tools());
    }

    private static String request(String method, String params, boolean withMeta) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", 1);
        request.put("method", method);
        ObjectNode paramsNode = (ObjectNode) json(params);
        if (withMeta) {
            ObjectNode meta = paramsNode.putObject("_meta");
            meta.put("io.modelcontextprotocol/protocolVersion", "2026-07-28");
            meta.putObject("io.modelcontextprotocol/clientCapabilities");
            meta.putObject("io.modelcontextprotocol/clientInfo").put("name", "test").put("version", "1");
        }
        request.set("params", paramsNode);
        return request.toString();
    }

    private static McpPost post(Map<String, String> headers, String body) {
        return new McpPost(headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMismatch(McpAnswer answer) {
        assertError(answer, 400, -32020);
    }

    private static void assertError(McpAnswer answer, int status, int code) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
        assertThat(answer.body().at("/error/code").asInt()).as(answer.body().toString()).isEqualTo(code);
        assertThat(answer.body().get("jsonrpc").asText()).isEqualTo("2.0");
    }

    private static JsonNode tool(JsonNode result, String name) {
        for (JsonNode tool : result.get("tools")) {
            if (tool.get("name").asText().equals(name)) {
                return tool;
            }
        }
        throw new AssertionError("no tool " + name);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
