package com.todoapi.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.local.LocalConfig;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.RepoFiles;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP endpoint through the local runtime: the official Java SDK's client (a client this
 * project did not write, in the handshake era it speaks) does what an AI client does with a
 * person's token, and raw HTTP requests check every 2026-07-28 rule. Every raw response is
 * checked against openapi.yaml.
 */
@ExtendWith(LocalRuntimeExtension.class)
class McpEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODERN = "2026-07-28";

    @Test
    void theSdkClientUsesThePersonsListAndOnlyTheirs(ServiceClient client) {
        String user = Tokens.newUser();
        try (McpSyncClient mcp = sdkClient(client, user)) {
            McpSchema.InitializeResult initialized = mcp.initialize();
            assertThat(initialized.protocolVersion()).isEqualTo("2025-11-25");
            assertThat(initialized.serverInfo().name()).isEqualTo("todo-api");
            assertThat(initialized.capabilities().tools()).isNotNull();

            assertThat(mcp.listTools().tools()).extracting(McpSchema.Tool::name)
                    .containsExactly("add_task", "list_tasks", "complete_task", "delete_task", "update_task");

            McpSchema.CallToolResult added = mcp.callTool(new McpSchema.CallToolRequest("add_task",
                    Map.of("title", "Renew passport", "description", "Before June"), null));
            assertThat(added.isError()).isFalse();
            @SuppressWarnings("unchecked")
            Map<String, Object> created = (Map<String, Object>) added.structuredContent();
            assertThat(created).containsEntry("status", "created").containsEntry("title", "Renew passport");
            int id = ((Number) created.get("task_id")).intValue();

            McpSchema.CallToolResult listed = mcp.callTool(new McpSchema.CallToolRequest("list_tasks",
                    Map.of("status", "pending"), null));
            assertThat(((McpSchema.TextContent) listed.content().get(0)).text()).contains("Renew passport");

            McpSchema.CallToolResult completed = mcp.callTool(new McpSchema.CallToolRequest("complete_task",
                    Map.of("task_id", id), null));
            assertThat(completed.isError()).isFalse();

            McpSchema.CallToolResult missing = mcp.callTool(new McpSchema.CallToolRequest("delete_task",
                    Map.of("task_id", 9999), null));
            assertThat(missing.isError()).isTrue();
            assertThat(((McpSchema.TextContent) missing.content().get(0)).text()).contains("9999");
        }

        JsonNode mine = json(client.get("/v1/tasks", "Authorization", Tokens.bearer(user)).body());
        assertThat(mine.get("items")).hasSize(1);
        assertThat(mine.at("/items/0/title").asText()).isEqualTo("Renew passport");
        assertThat(mine.at("/items/0/completed").asBoolean()).isTrue();
        JsonNode someoneElses = json(client.get("/v1/tasks", "Authorization", Tokens.bearer(Tokens.newUser())).body());
        assertThat(someoneElses.get("items")).isEmpty();
    }

    @Test
    void aModernClientDiscoversListsAndCallsWithoutAHandshake(ServiceClient client) {
        String token = Tokens.bearer(Tokens.newUser());
        HttpResponse<String> discovered = modern(client, token, "server/discover", null, "{}");
        assertThat(discovered.statusCode()).isEqualTo(200);
        JsonNode discover = json(discovered.body()).get("result");
        assertThat(discover.get("resultType").asText()).isEqualTo("complete");
        assertThat(discover.get("supportedVersions").get(0).asText()).isEqualTo(MODERN);
        assertThat(discovered.headers().firstValue("mcp-session-id")).isEmpty();

        JsonNode tools = json(modern(client, token, "tools/list", null, "{}").body()).get("result");
        assertThat(tools.get("tools")).hasSize(5);
        assertThat(tools.get("cacheScope").asText()).isEqualTo("public");

        JsonNode added = json(modern(client, token, "tools/call", "add_task",
                "{\"name\":\"add_task\",\"arguments\":{\"title\":\"Call the plumber\"}}").body()).get("result");
        assertThat(added.at("/structuredContent/title").asText()).isEqualTo("Call the plumber");
        JsonNode listed = json(modern(client, token, "tools/call", "list_tasks",
                "{\"name\":\"list_tasks\",\"arguments\":{}}").body()).get("result");
        assertThat(listed.at("/structuredContent/items/0/title").asText()).isEqualTo("Call the plumber");
        assertThat(json(modern(client, token, "tools/call", "complete_task",
                "{\"name\":\"complete_task\",\"arguments\":{\"task_id\":42}}").body()).at("/result/isError").asBoolean()).isTrue();
    }

    @Tag(E2e.PER_REQUEST)
    @Test
    void theRoutingHeadersMustMatchTheBody(ServiceClient client) {
        String token = Tokens.bearer(Tokens.newUser());
        HttpResponse<String> wrongName = modern(client, token, "tools/call", "delete_task",
                "{\"name\":\"list_tasks\",\"arguments\":{}}");
        assertThat(wrongName.statusCode()).isEqualTo(400);
        assertThat(json(wrongName.body()).at("/error/code").asInt()).isEqualTo(-32020);

        HttpResponse<String> wrongMethod = post(client, request("tools/list", "{}", true),
                "Authorization", token, "MCP-Protocol-Version", MODERN, "Mcp-Method", "tools/call");
        assertThat(json(wrongMethod.body()).at("/error/code").asInt()).isEqualTo(-32020);

        HttpResponse<String> wrongVersion = post(client, request("tools/list", "{}", true),
                "Authorization", token, "MCP-Protocol-Version", "2025-11-25", "Mcp-Method", "tools/list");
        assertThat(wrongVersion.statusCode()).isEqualTo(400);
        assertThat(json(wrongVersion.body()).at("/error/code").asInt()).isEqualTo(-32020);
    }

    @Tag(E2e.PER_REQUEST)
    @Test
    void versionsMetaAndMethodsAreCheckedAsTheRevisionSays(ServiceClient client) {
        String token = Tokens.bearer(Tokens.newUser());
        String unknownVersion = request("tools/list", "{}", true).replace(MODERN, "2030-01-01");
        HttpResponse<String> unsupported = post(client, unknownVersion, "Authorization", token,
                "MCP-Protocol-Version", "2030-01-01", "Mcp-Method", "tools/list");
        assertThat(unsupported.statusCode()).isEqualTo(400);
        assertThat(json(unsupported.body()).at("/error/code").asInt()).isEqualTo(-32022);
        assertThat(json(unsupported.body()).at("/error/data/supported").toString()).contains(MODERN, "2025-11-25");

        HttpResponse<String> noMeta = post(client, request("tools/list", "{}", false), "Authorization", token,
                "MCP-Protocol-Version", MODERN, "Mcp-Method", "tools/list");
        assertThat(noMeta.statusCode()).isEqualTo(400);
        assertThat(json(noMeta.body()).at("/error/code").asInt()).isEqualTo(-32602);

        HttpResponse<String> unknownMethod = modern(client, token, "prompts/list", null, "{}");
        assertThat(unknownMethod.statusCode()).isEqualTo(404);
        assertThat(json(unknownMethod.body()).at("/error/code").asInt()).isEqualTo(-32601);

        HttpResponse<String> notification = post(client, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "Authorization", token, "MCP-Protocol-Version", "2025-11-25");
        assertThat(notification.statusCode()).isEqualTo(202);
        assertThat(notification.body()).isEmpty();

        HttpResponse<String> batch = post(client, "[" + request("tools/list", "{}", false) + "]", "Authorization", token,
                "MCP-Protocol-Version", "2025-06-18");
        assertThat(batch.statusCode()).isEqualTo(400);
        assertThat(json(batch.body()).at("/error/code").asInt()).isEqualTo(-32600);

        HttpResponse<String> notJson = post(client, "{\"jsonrpc\":\"2.0\",", "Authorization", token);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson.body()).at("/error/code").asInt()).isEqualTo(-32700);

        HttpResponse<String> tooLarge = post(client, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"p\":\""
                + "x".repeat(64 * 1024) + "\"}}", "Authorization", token);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
    }

    @Tag(E2e.PER_REQUEST)
    @Test
    void getAndDeleteAre405(ServiceClient client) {
        for (String method : new String[] {"GET", "DELETE"}) {
            HttpResponse<String> response = client.send(method, "/mcp", null, "Authorization", Tokens.bearer(Tokens.newUser()),
                    "Accept", "text/event-stream");
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("allow")).hasValue("POST");
        }
    }

    @Tag(E2e.PER_REQUEST)
    @Test
    void noTokenIs401WithTheMetadataLinkAndTheMetadataNeedsNone(ServiceClient client) {
        HttpResponse<String> refused = post(client, request("tools/list", "{}", true),
                "MCP-Protocol-Version", MODERN, "Mcp-Method", "tools/list");
        assertThat(refused.statusCode()).isEqualTo(401);
        String origin = client.base().toString().replaceAll("/$", "");
        String metadataUrl = origin + "/.well-known/oauth-protected-resource/mcp";
        assertThat(refused.headers().firstValue("www-authenticate"))
                .hasValue("Bearer resource_metadata=\"" + metadataUrl + "\"");

        JsonNode metadata = json(client.get("/.well-known/oauth-protected-resource/mcp").body());
        assertThat(metadata.get("resource").asText()).isEqualTo(origin + "/mcp");
        assertThat(metadata.get("authorization_servers").get(0).asText())
                .isEqualTo(LocalConfig.read(RepoFiles.localConfig()).parameters().get("JwtIssuer"));
        assertThat(json(client.get("/.well-known/oauth-protected-resource").body()).get("resource").asText()).isEqualTo(origin);
    }

    @Tag(E2e.PER_REQUEST)
    @Test
    void aForeignOriginIs403AndALoopbackOneIsServedInLocalMode(ServiceClient client) {
        String token = Tokens.bearer(Tokens.newUser());
        String body = request("tools/list", "{}", true);
        HttpResponse<String> foreign = post(client, body, "Authorization", token, "MCP-Protocol-Version", MODERN,
                "Mcp-Method", "tools/list", "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> inspector = post(client, body, "Authorization", token, "MCP-Protocol-Version", MODERN,
                "Mcp-Method", "tools/list", "Origin", "http://localhost:6274");
        assertThat(inspector.statusCode()).isEqualTo(200);
        assertThat(inspector.headers().firstValue("access-control-allow-origin")).hasValue("http://localhost:6274");
    }

    private static McpSyncClient sdkClient(ServiceClient client, String user) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(client.base().toString())
                .endpoint("/mcp")
                .httpRequestCustomizer((builder, method, uri, body, context) ->
                        builder.header("Authorization", Tokens.bearer(user)))
                .build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
    }

    private static HttpResponse<String> modern(ServiceClient client, String token, String method, String name, String params) {
        List<String> headers = new ArrayList<>(List.of("Authorization", token, "MCP-Protocol-Version", MODERN,
                "Mcp-Method", method));
        if (name != null) {
            headers.addAll(List.of("Mcp-Name", name));
        }
        return post(client, request(method, params, true), headers.toArray(String[]::new));
    }

    private static HttpResponse<String> post(ServiceClient client, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Content-Type", "application/json", "Accept", "application/json, text/event-stream"));
        all.addAll(List.of(headers));
        return client.send("POST", "/mcp", body, all.toArray(String[]::new));
    }

    private static String request(String method, String params, boolean withMeta) {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", "r-1");
        request.put("method", method);
        ObjectNode paramsNode = (ObjectNode) json(params);
        if (withMeta) {
            ObjectNode meta = paramsNode.putObject("_meta");
            meta.put("io.modelcontextprotocol/protocolVersion", MODERN);
            meta.putObject("io.modelcontextprotocol/clientCapabilities");
            meta.putObject("io.modelcontextprotocol/clientInfo").put("name", "e2e").put("version", "1");
        }
        request.set("params", paramsNode);
        return request.toString();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
