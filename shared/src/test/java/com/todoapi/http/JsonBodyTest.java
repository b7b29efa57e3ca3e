package com.todoapi.http;

import com.todoapi.domain.DomainException;
import com.todoapi.domain.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodyTest {

    private static JsonBody parse(String json) {
        return JsonBody.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static DomainException invalid(Runnable action) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(action::run);
        assertThat(thrown).isInstanceOf(DomainException.class);
        DomainException e = (DomainException) thrown;
        assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
        return e;
    }

    private static void assertBodyRejected(String json) {
        assertThat(invalid(() -> parse(json)).problems()).extracting(FieldProblem::field).containsExactly("body");
    }

    @Test
    void readsStringAndBooleanFields() {
        JsonBody body = parse("{\"title\":\"Buy milk\",\"completed\":true}");
        assertThat(body.text("title")).contains("Buy milk");
        assertThat(body.bool("completed")).contains(true);
        assertThatCode(body::done).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\":\"\\ud800\"}", "{\"title\":\"a\\udc00b\"}", "{\"title\":\"\\ud83d\\ud83d\"}"})
    void aLoneSurrogateEscapeIsAProblemOfItsField(String json) {
        JsonBody body = parse(json);
        assertThat(body.text("title")).isEmpty();
        assertThat(invalid(body::done).problems()).extracting(FieldProblem::field).containsExactly("title");
    }

    @Test
    void aPairedSurrogateEscapeIsOneCharacter() {
        assertThat(parse("{\"title\":\"\\ud83d\\ude00\"}").text("title")).contains("\uD83D\uDE00");
    }

    @Test
    void absentFieldsAreEmptyAndNoProblem() {
        JsonBody body = parse("{}");
        assertThat(body.text("title")).isEmpty();
        assertThat(body.bool("completed")).isEmpty();
        assertThat(body.textOrNull("description", "")).isEmpty();
        assertThatCode(body::done).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"title\":}", "{'title':'x'}", "{title:\"x\"}", "{\"title\":\"x\",}", "nul", "\"unterminated"})
    void malformedJsonIsInvalid(String json) {
        assertBodyRejected(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"title\":\"x\"}]", "\"a string\"", "42", "true", "null", "   ", "\n"})
    void anythingButAnObjectIsInvalid(String json) {
        assertBodyRejected(json);
    }

    @Test
    void emptyBodyIsInvalid() {
        assertThat(invalid(() -> JsonBody.parse(new byte[0])).problems())
                .containsExactly(new FieldProblem("body", "must be a JSON object"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} {}", "{\"title\":\"x\"} trailing", "{}]", "{} null", "{}{}"})
    void trailingTextAfterTheObjectIsInvalid(String json) {
        assertBodyRejected(json);
    }

    @Test
    void trailingWhitespaceIsFine() {
        assertThat(parse("{\"title\":\"x\"} \n\t").text("title")).contains("x");
    }

    @Test
    void duplicateKeysAreInvalid() {
        assertBodyRejected("{\"title\":\"a\",\"title\":\"b\"}");
        assertBodyRejected("{\"meta\":{\"k\":1,\"k\":2}}");
    }

    @Test
    void aDuplicateKeyIsToldAsSuchNamingTheField() {
        assertThat(invalid(() -> parse("{\"title\":\"a\",\"title\":\"b\"}")).problems())
                .containsExactly(new FieldProblem("body", "must not repeat a field (\"title\" appears twice)"));
    }

    @Test
    void deeplyNestedBodyIsInvalidNotAStackOverflow() {
        int depth = 10_000;
        assertBodyRejected("{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
    }

    @Test
    void nestingIsAllowedToTheMaximumDepthAndToldAsSuchBeyondIt() {
        String atTheLimit = "{\"a\":" + "[".repeat(JsonBody.MAX_DEPTH - 1) + "]".repeat(JsonBody.MAX_DEPTH - 1) + "}";
        assertThatCode(() -> parse(atTheLimit)).doesNotThrowAnyException();
        String oneDeeper = "{\"a\":" + "[".repeat(JsonBody.MAX_DEPTH) + "]".repeat(JsonBody.MAX_DEPTH) + "}";
        assertThat(invalid(() -> parse(oneDeeper)).problems()).containsExactly(
                new FieldProblem("body", "must not nest arrays and objects more than " + JsonBody.MAX_DEPTH + " deep"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"e9", "c3", "ff", "80", "eda080", "c0af", "f4908080"})
    void bytesThatAreNotUtf8AreToldAsSuchNotReplaced(String hex) {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        byte[] body = concat("{\"title\":\"caf".getBytes(StandardCharsets.UTF_8), bad, "\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(invalid(() -> JsonBody.parse(body)).problems())
                .containsExactly(new FieldProblem("body", "is not valid UTF-8"));
    }

    @Test
    void aLeadingByteOrderMarkIsIgnored() {
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{\"title\":\"a\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(JsonBody.parse(body).text("title")).contains("a");
    }

    @Test
    void aNumberBeyondALongIsToldAsOutOfRange() {
        JsonBody body = parse("{\"conversation_id\":9223372036854775808}");
        assertThat(body.positiveNumber("conversation_id")).isEmpty();
        assertThat(invalid(body::done).problems()).containsExactly(
                new FieldProblem("conversation_id", "must be at most 9223372036854775807"));
        assertThat(parse("{\"conversation_id\":9223372036854775807}").positiveNumber("conversation_id"))
                .contains(Long.MAX_VALUE);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void wrongTypesAreCollectedOnePerFieldAndReportedTogether() {
        JsonBody body = parse("{\"title\":5,\"completed\":\"yes\"}");
        assertThat(body.text("title")).isEmpty();
        assertThat(body.bool("completed")).isEmpty();

        assertThat(invalid(body::done).problems()).containsExactly(
                new FieldProblem("title", "must be a string"),
                new FieldProblem("completed", "must be true or false"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "true", "[\"x\"]", "{\"x\":1}", "null"})
    void nonStringsAreNotCoercedToText(String value) {
        JsonBody body = parse("{\"title\":" + value + "}");
        assertThat(body.text("title")).isEmpty();
        assertThat(invalid(body::done).problems()).containsExactly(new FieldProblem("title", "must be a string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "0", "null", "\"yes\""})
    void nonBooleansAreNotCoercedToBoolean(String value) {
        JsonBody body = parse("{\"completed\":" + value + "}");
        assertThat(body.bool("completed")).isEmpty();
        assertThat(invalid(body::done).problems()).containsExactly(new FieldProblem("completed", "must be true or false"));
    }

    @Test
    void textOrNullGivesTheDefaultForNull() {
        JsonBody body = parse("{\"description\":null}");
        assertThat(body.textOrNull("description", "")).contains("");
        assertThat(body.textOrNull("description", "cleared")).contains("cleared");
        assertThatCode(body::done).doesNotThrowAnyException();
    }

    @Test
    void textOrNullReadsStringsAndRejectsOtherTypes() {
        assertThat(parse("{\"description\":\"d\"}").textOrNull("description", "")).contains("d");
        assertThat(parse("{}").textOrNull("description", "")).isEmpty();

        JsonBody number = parse("{\"description\":7}");
        assertThat(number.textOrNull("description", "")).isEmpty();
        assertThat(invalid(number::done).problems()).containsExactly(new FieldProblem("description", "must be a string"));
    }

    @Test
    void unknownFieldsAreProblems() {
        JsonBody body = parse("{\"title\":\"x\",\"titel\":\"y\",\"priority\":1}").allowOnly(Set.of("title", "description"));
        assertThat(body.text("title")).contains("x");
        assertThat(invalid(body::done).problems()).containsExactlyInAnyOrder(
                new FieldProblem("titel", "is not a known field"),
                new FieldProblem("priority", "is not a known field"));
    }

    @Test
    void knownFieldsOnlyIsNoProblem() {
        JsonBody body = parse("{\"title\":\"x\",\"description\":null}").allowOnly(Set.of("title", "description"));
        assertThatCode(body::done).doesNotThrowAnyException();
    }

    @Test
    void longUnknownFieldNamesAreCutTo64Characters() {
        String name = "x".repeat(1_000);
        JsonBody body = parse("{\"" + name + "\":1}").allowOnly(Set.of("title"));
        assertThat(invalid(body::done).problems()).containsExactly(new FieldProblem("x".repeat(64), "is not a known field"));
    }

    @Test
    void unknownFieldsAndWrongTypesAreReportedTogether() {
        JsonBody body = parse("{\"title\":false,\"extra\":1}").allowOnly(Set.of("title"));
        body.text("title");
        assertThat(invalid(body::done).problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("title", "extra");
    }

    @Test
    void unicodeTextIsReadAsUtf8() {
        assertThat(parse("{\"title\":\"caf\u00e9 \ud83d\ude00\"}").text("title")).isEqualTo(Optional.of("caf\u00e9 \ud83d\ude00"));
        assertThat(parse("{\"title\":\"\\u00e9\"}").text("title")).contains("\u00e9");
    }
}
