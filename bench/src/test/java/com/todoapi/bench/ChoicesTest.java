package com.todoapi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.todoapi.bench.probe.Samples;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The choices section still runs (one variant or two of each choice, one cold start, a few warm requests). */
class ChoicesTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void measuresProbesThatAnswerAndRefusesOneThatDoesNot() throws Exception {
        List<Choices.Variant> all = Choices.variants(REPOSITORY.resolve("events"));
        Choices.Variant urlConnection = variant(all, Choices.HTTP_CLIENT, "url-connection");
        Choices.Variant apache = variant(all, Choices.HTTP_CLIENT, "apache (HttpClient 4)");
        Choices.Variant bean = variant(all, Choices.TABLE_SCHEMA, "TableSchema.fromBean");
        Choices.Variant jacksonJr = variant(all, Choices.JSON_MAPPER, "jackson-jr");

        try (Choices choices = new Choices(REPOSITORY)) {
            List<Choices.Result> results = choices.measure(List.of(urlConnection, apache, bean, jacksonJr), 1, 20);

            assertThat(results).extracting(r -> r.variant().label())
                    .containsExactly("url-connection (ours)", "apache (HttpClient 4)", "TableSchema.fromBean", "jackson-jr");
            assertThat(results).allSatisfy(r -> {
                assertThat(r.coldMillis()).isPositive();
                assertThat(r.warmP50()).isPositive();
                assertThat(r.warmP99()).isGreaterThanOrEqualTo(r.warmP50());
                assertThat(r.classesLoaded()).isPositive();
                assertThat(r.packageBytes()).isPositive();
            });
            assertThat(jars(choices, apache)).anyMatch(jar -> jar.startsWith("httpclient-"));
            assertThat(jars(choices, urlConnection)).noneMatch(jar -> jar.startsWith("httpclient"));
            assertThat(jars(choices, jacksonJr)).anyMatch(jar -> jar.startsWith("jackson-jr-objects-"));

            Choices.Variant unseeded = bean.with(Samples.getTask(Samples.SEEDED_TASK_ID + 1));
            assertThatThrownBy(() -> choices.measure(List.of(unseeded), 1, 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not answer as expected")
                    .hasMessageContaining("No item for");

            assertThat(ChoiceTable.render(results)).contains(
                    "| SDK HTTP client | url-connection (ours) |",
                    "| SDK HTTP client | apache (HttpClient 4) |",
                    "| table schema | TableSchema.fromBean |",
                    "| JSON mapper | jackson-jr |");
        }
    }

    @Test
    void theMcpVariantsAnswerTheSameToolsList() throws Exception {
        List<Choices.Variant> all = Choices.variants(REPOSITORY.resolve("events"));
        List<Choices.Variant> mcp = all.stream().filter(v -> v.choice().equals(Choices.MCP_SERVER)).toList();
        assertThat(mcp).hasSize(3);

        try (Choices choices = new Choices(REPOSITORY)) {
            List<Choices.Result> results = choices.measure(mcp, 1, 5);

            assertThat(results).allSatisfy(r -> {
                assertThat(r.coldMillis()).isPositive();
                assertThat(r.classesLoaded()).isPositive();
                assertThat(r.jars()).isPositive();
            });
            assertThat(jars(choices, mcp.get(1))).anyMatch(jar -> jar.startsWith("mcp-core-"))
                    .anyMatch(jar -> jar.startsWith("reactor-core-"));
            assertThat(jars(choices, mcp.get(0))).noneMatch(jar -> jar.startsWith("mcp-core-"));
            assertThat(jars(choices, mcp.get(2))).noneMatch(jar -> jar.startsWith("mcp-core-"))
                    .anyMatch(jar -> jar.startsWith("function-mcp-"));
            assertThat(ChoiceTable.render(results)).contains("| MCP server | JSON-RPC layer on Jackson (McpEndpoint) (ours) |");
        }
    }

    @Test
    void aToolsListMustListTheFiveToolsWithTheirSchemasWhateverTheHeaders() throws Exception {
        Samples.Sample toolsList = Samples.toolsList(Choices.toolsListEvent(REPOSITORY.resolve("events")));
        ObjectNode expected = (ObjectNode) JSON.readTree(toolsList.answer());
        ObjectNode answer = JSON.createObjectNode().put("statusCode", 200);
        answer.putObject("headers").put("x-request-id", "anything");
        answer.put("body", JSON.writeValueAsString(expected.get("body")));

        assertThat(toolsList.answeredBy(JSON.writeValueAsBytes(answer))).isTrue();
        ((ArrayNode) expected.get("body").get("result").get("tools")).remove(4);
        answer.put("body", JSON.writeValueAsString(expected.get("body")));
        assertThat(toolsList.answeredBy(JSON.writeValueAsBytes(answer))).isFalse();
        assertThat(toolsList.answeredBy("{\"statusCode\":401}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void anAnswerMustMatchFieldForFieldInAnyOrder() {
        Samples.Sample getTask = Samples.getTask(Samples.SEEDED_TASK_ID);
        String answer = "{\"version\":2,\"id\":1,\"title\":\"Buy milk\",\"description\":\"2 litres\",\"completed\":false,"
                + "\"created_at\":\"2026-11-22T10:15:30.123Z\",\"updated_at\":\"2026-11-22T11:00:00.000Z\"}";

        assertThat(getTask.answeredBy(answer.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(getTask.answeredBy(answer.replace("created_at", "createdAt").getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(getTask.answeredBy("not json".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    private static Choices.Variant variant(List<Choices.Variant> variants, String choice, String name) {
        return variants.stream().filter(v -> v.choice().equals(choice) && v.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> jars(Choices choices, Choices.Variant variant) throws IOException {
        return choices.jars(variant).stream().map(jar -> jar.getFileName().toString()).toList();
    }
}
