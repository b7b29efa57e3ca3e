package com.todoapi.agent.model;

import com.todoapi.agent.ToolSpec;
import com.todoapi.agent.Toolbox;
import com.todoapi.chat.TodoTools;
import com.todoapi.metrics.Metrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks of a model's arguments, against the real tools' schemas. */
class ToolArgumentsTest {
    private static final String ADD = schema(Toolbox.ADD_TASK);
    private static final String LIST = schema(Toolbox.LIST_TASKS);
    private static final String COMPLETE = schema(Toolbox.COMPLETE_TASK);
    private static final String UPDATE = schema(Toolbox.UPDATE_TASK);

    @Test
    void argumentsThatMeetTheSchemaComeBackAsAMap() {
        ToolArguments.Checked checked = ToolArguments.check("{\"title\":\"Milk\",\"description\":\"2 litres\"}", ADD);

        assertThat(checked.ok()).isTrue();
        assertThat(checked.arguments()).contains(Map.of("title", "Milk", "description", "2 litres"));
        assertThat(checked.problem()).isEmpty();
    }

    @Test
    void noArgumentsAtAllAreAnEmptyObject() {
        assertThat(ToolArguments.check("", LIST).arguments()).contains(Map.of());
        assertThat(ToolArguments.check("  ", LIST).arguments()).contains(Map.of());
    }

    @Test
    void aMissingRequiredArgumentIsNamed() {
        assertThat(problem("{}", ADD)).isEqualTo("title is required");
        assertThat(problem("{\"title\":null}", ADD)).isEqualTo("title is required; title must be a string");
        assertThat(problem("{\"title\":\"x\"}", UPDATE)).isEqualTo("task_id is required");
    }

    @Test
    void aWrongTypeIsNamed() {
        assertThat(problem("{\"task_id\":\"3\"}", COMPLETE)).isEqualTo("task_id must be an integer");
        assertThat(problem("{\"task_id\":3.5}", COMPLETE)).isEqualTo("task_id must be an integer");
        assertThat(problem("{\"task_id\":true}", COMPLETE)).isEqualTo("task_id must be an integer");
        assertThat(problem("{\"title\":42}", ADD)).isEqualTo("title must be a string");
    }

    @Test
    void aWholeNumberWrittenWithAFractionIsAnInteger() {
        assertThat(ToolArguments.check("{\"task_id\":3.0}", COMPLETE).ok()).isTrue();
    }

    @Test
    void aValueOutsideTheEnumIsRefusedWithTheChoices() {
        assertThat(problem("{\"status\":\"done\"}", LIST)).isEqualTo("status must be one of [\"all\",\"pending\",\"completed\"]");
        assertThat(ToolArguments.check("{\"status\":\"pending\"}", LIST).ok()).isTrue();
    }

    @Test
    void anArgumentTheToolDoesNotHaveIsRefused() {
        assertThat(problem("{\"task_id\":1,\"user_id\":\"someone-else\"}", COMPLETE))
                .isEqualTo("user_id is not an argument of this tool");
    }

    @Test
    void lengthsAndMinimaAreChecked() {
        assertThat(problem("{\"title\":\"\"}", ADD)).isEqualTo("title must be at least 1 characters");
        assertThat(problem("{\"title\":\"" + "x".repeat(201) + "\"}", ADD)).isEqualTo("title must be at most 200 characters");
        assertThat(ToolArguments.check("{\"title\":\"" + "\uD83E\uDD5B".repeat(200) + "\"}", ADD).ok())
                .as("lengths count characters, not UTF-16 units").isTrue();
        assertThat(problem("{\"task_id\":0}", COMPLETE)).isEqualTo("task_id must be at least 1");
    }

    @Test
    void everyProblemIsSaidAtOnce() {
        assertThat(problem("{\"task_id\":0,\"title\":\"\",\"colour\":\"red\"}", UPDATE))
                .contains("task_id must be at least 1", "title must be at least 1 characters", "colour is not an argument");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\": \"Milk\"", "title=Milk", "{'title':'Milk'}", "{\"title\":\"Milk\"}}",
            "{\"title\":\"Milk\"} {\"title\":\"Eggs\"}", "{\"title\":\"Milk\",\"title\":\"Eggs\"}"})
    void textThatIsNotOneJsonObjectIsRefused(String arguments) {
        assertThat(problem(arguments, ADD)).isEqualTo("the arguments are not valid JSON; send a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "\"Milk\"", "7"})
    void jsonThatIsNotAnObjectIsRefused(String arguments) {
        assertThat(problem(arguments, ADD)).startsWith("arguments must be an object");
    }

    @Test
    void aSchemaKeywordTheCheckerDoesNotApplyIsRefusedWhateverTheArguments() {
        String withPattern = "{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\",\"format\":\"date\"}}}";

        assertThatThrownBy(() -> ToolArguments.check("{\"code\":\"12\"}", withPattern))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"format\"");
        assertThatThrownBy(() -> ToolArguments.check("{}", withPattern))
                .as("even when the argument it governs is absent").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ToolArguments.check("{}", "{\"type\":\"object\",\"oneOf\":[]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"oneOf\"");
    }

    @Test
    void aSchemaWithAnUnknownTypeOrASchemaValuedAdditionalPropertiesIsRefused() {
        assertThatThrownBy(() -> ToolArguments.check("{}", "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"int\"}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("int");
        assertThatThrownBy(() -> ToolArguments.check("{}", "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTypeListAllowsAnyOfItsTypes() {
        String nullable = "{\"type\":\"object\",\"properties\":{\"note\":{\"type\":[\"string\",\"null\"]}}}";

        assertThat(ToolArguments.check("{\"note\":null}", nullable).ok()).isTrue();
        assertThat(ToolArguments.check("{\"note\":\"hi\"}", nullable).ok()).isTrue();
        assertThat(problem("{\"note\":1}", nullable)).isEqualTo("note must be a string or a null");
    }

    @Test
    void patternsAndArraysAreChecked() {
        String schema = "{\"type\":\"object\",\"properties\":{\"due\":{\"type\":\"string\",\"pattern\":\"^[0-9]{4}$\"},"
                + "\"labels\":{\"type\":\"array\",\"maxItems\":2,\"items\":{\"type\":\"string\",\"maxLength\":3}}}}";
        assertThat(ToolArguments.check("{\"due\":\"2026\",\"labels\":[\"a\",\"b\"]}", schema).ok()).isTrue();
        assertThat(problem("{\"due\":\"tomorrow\"}", schema)).isEqualTo("due must match ^[0-9]{4}$");
        assertThat(problem("{\"labels\":[\"a\",\"b\",\"c\"]}", schema)).isEqualTo("labels must have at most 2 items");
        assertThat(problem("{\"labels\":[\"a\",7,\"long\"]}", schema))
                .isEqualTo("labels must have at most 2 items; labels[1] must be a string; labels[2] must be at most 3 characters");
    }

    @Test
    void everyKeywordOfTheRealToolsIsOneTheCheckerApplies() {
        for (ToolSpec spec : specs()) {
            assertThat(ToolArguments.check("{}", spec.parametersJsonSchema())).as(spec.name()).isNotNull();
        }
    }

    private static String problem(String arguments, String schema) {
        ToolArguments.Checked checked = ToolArguments.check(arguments, schema);
        assertThat(checked.ok()).as("refused: %s", arguments).isFalse();
        return checked.problem();
    }

    private static java.util.List<ToolSpec> specs() {
        return TodoTools.forRequest(null, "nobody", new Metrics()).specs();
    }

    private static String schema(String tool) {
        return specs().stream().filter(spec -> spec.name().equals(tool)).findFirst().orElseThrow().parametersJsonSchema();
    }
}
