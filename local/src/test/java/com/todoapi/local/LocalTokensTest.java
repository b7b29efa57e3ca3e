package com.todoapi.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalTokensTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "team#1", "has space", "caf\u00e9", "tab\there"})
    void refusesUserIdsTheApiWouldRefuse(String user) {
        assertThatThrownBy(() -> LocalTokens.checkedUserId(user))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user id");
    }

    @Test
    void refusesAUserIdOver255Characters() {
        assertThatThrownBy(() -> LocalTokens.checkedUserId("a".repeat(256)))
                .hasMessageContaining("1 to 255 characters; this one has 256");
    }

    @Test
    void acceptsWhatTheApiAccepts() {
        assertThat(LocalTokens.checkedUserId("alice")).isEqualTo("alice");
        assertThat(LocalTokens.checkedUserId("a".repeat(255))).hasSize(255);
        assertThat(LocalTokens.checkedUserId("auth0|5f7c8ec7c33c6c004bbafe82")).startsWith("auth0|");
    }
}
