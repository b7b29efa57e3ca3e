package com.todoapi.http;

import com.todoapi.domain.DomainException;
import com.todoapi.tasks.VersionMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagsTest {

    private static VersionMatch ifMatch(String header) {
        return EntityTags.ifMatch(Optional.of(header));
    }

    private static void assertAllowsNothing(VersionMatch match) {
        assertThat(match.any()).isFalse();
        assertThat(match.versions()).isEmpty();
        assertThat(match.allows(0)).isFalse();
        assertThat(match.allows(1)).isFalse();
        assertThat(match.allows(3)).isFalse();
    }

    @Test
    void entityTagIsTheQuotedVersion() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
        assertThat(EntityTags.of(1234567890123L)).isEqualTo("\"1234567890123\"");
    }

    @Test
    void issuedTagMatchesItsOwnVersion() {
        assertThat(ifMatch(EntityTags.of(42)).single()).isEqualTo(OptionalLong.of(42));
    }

    @Test
    void absentHeaderAllowsAnyVersion() {
        VersionMatch match = EntityTags.ifMatch(Optional.empty());
        assertThat(match).isEqualTo(VersionMatch.ANY);
        assertThat(match.allows(1)).isTrue();
        assertThat(match.single()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", " * ", "\t*"})
    void starAllowsAnyVersion(String header) {
        assertThat(ifMatch(header)).isEqualTo(VersionMatch.ANY);
    }

    @Test
    void strongTagAllowsExactlyItsVersion() {
        VersionMatch match = ifMatch("\"3\"");
        assertThat(match.any()).isFalse();
        assertThat(match.allows(3)).isTrue();
        assertThat(match.allows(2)).isFalse();
        assertThat(match.allows(4)).isFalse();
        assertThat(match.single()).isEqualTo(OptionalLong.of(3));
    }

    @Test
    void weakTagNeverMatches() {
        assertAllowsNothing(ifMatch("W/\"3\""));
    }

    @Test
    void listAllowsEveryStrongTagInIt() {
        VersionMatch match = ifMatch("\"1\", \"2\"");
        assertThat(match.allows(1)).isTrue();
        assertThat(match.allows(2)).isTrue();
        assertThat(match.allows(3)).isFalse();
        assertThat(match.single()).isEmpty();
    }

    @Test
    void listIgnoresWeakMembersButKeepsStrongOnes() {
        VersionMatch match = ifMatch("W/\"1\" ,\"2\",W/\"3\"");
        assertThat(match.versions()).containsExactly(2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"\"", "\"-1\"", "\"3a\"", "\"1.0\"", "\"99999999999999999999\""})
    void wellFormedTagsThisApiNeverIssuedAllowNothing(String header) {
        assertAllowsNothing(ifMatch(header));
    }

    @Test
    void largestEighteenDigitVersionIsUnderstood() {
        assertThat(ifMatch("\"999999999999999999\"").allows(999_999_999_999_999_999L)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "'3'", "\"3", "3\"", "\"3\" \"4\"", "\"3\";\"4\"", "\"3\", 4", "*, \"3\"", "W/3",
            "w/\"3\"", "\"a\"b\"", "\" 3\"", "", "   ", ",", "\"3\",,x"})
    void malformedHeaderIsInvalid(String header) {
        assertThatThrownBy(() -> ifMatch(header))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.problems()).extracting(p -> p.field()).containsExactly("If-Match");
                });
    }

    @Test
    void trailingCommaAndSurroundingSpaceAreTolerated() {
        assertThat(ifMatch("  \"7\" ,").versions()).containsExactly(7L);
    }

    /**
     * Main-code finding: strong comparison is character for character (RFC 9110 8.8.3.2), and this
     * API only ever issues {@code "3"}, yet {@code "03"} is parsed as a number and matches version 3.
     */
    @Test
    void tagWithLeadingZeroIsNotTheTagOfThatVersion() {
        assertAllowsNothing(ifMatch("\"03\""));
    }
}
