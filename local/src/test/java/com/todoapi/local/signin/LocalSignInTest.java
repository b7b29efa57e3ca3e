package com.todoapi.local.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import com.todoapi.local.LocalConfig;
import com.todoapi.local.gateway.LocalRoute;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSignInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalConfig local = LocalConfig.read(Path.of("local-config.json"));

    @Test
    void aLocalUserGetsATokenForThemselves() throws Exception {
        LocalRoute.Answer answer = new LocalSignIn(local).answer(bytes("{\"user_id\":\"alice\"}"), "req-1");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.json());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        SignedJWT token = SignedJWT.parse(body.get("access_token").asText());
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("alice");
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(local.parameters().get("JwtIssuer"));
    }

    @Test
    void badBodiesAre400InTheErrorShape() throws Exception {
        for (String bad : new String[]{"", "[]", "{}", "{\"user_id\":7}", "{\"user_id\":\"a#b\"}", "{not json"}) {
            LocalRoute.Answer answer = new LocalSignIn(local).answer(bytes(bad), "req-2");
            assertThat(answer.status()).as(bad).isEqualTo(400);
            JsonNode error = JSON.readTree(answer.json()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("invalid_request");
            assertThat(error.get("request_id").asText()).isEqualTo("req-2");
        }
    }

    @Test
    void outsideLocalModeNobodyGetsAToken() throws Exception {
        Map<String, String> environment = new HashMap<>(local.environment());
        environment.put("TODO_LOCAL_MODE", "false");
        LocalConfig deployedLike = new LocalConfig(local.parameters(), environment, local.onStart());
        LocalRoute.Answer answer = new LocalSignIn(deployedLike).answer(bytes("{\"user_id\":\"alice\"}"), "req-3");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json()).doesNotContain("access_token");
        assertThat(JSON.readTree(answer.json()).at("/error/code").asText()).isEqualTo("forbidden");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
