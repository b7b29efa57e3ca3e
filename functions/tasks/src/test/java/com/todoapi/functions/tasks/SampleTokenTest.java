package com.todoapi.functions.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.todoapi.auth.AuthSettings;
import com.todoapi.auth.TokenVerifier;
import com.todoapi.config.Env;
import com.todoapi.local.LocalConfig;
import com.todoapi.testing.RepoFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every sample event carries a token that local mode accepts (for `./dev invoke` and `sam local invoke -e`). */
class SampleTokenTest {

    @ParameterizedTest
    @ValueSource(strings = {"tasks-create", "tasks-list", "tasks-get", "tasks-update", "tasks-delete"})
    void theSampleTokenIsAcceptedInLocalMode(String name) throws Exception {
        JsonNode event = new ObjectMapper().readTree(Files.readString(RepoFiles.root().resolve("events/" + name + ".json")));
        LocalConfig config = LocalConfig.read(RepoFiles.localConfig());
        Map<String, String> env = new HashMap<>(config.environment());
        env.put("JWT_ISSUER", config.parameters().get("JwtIssuer"));
        env.put("JWT_AUDIENCE", config.parameters().get("JwtAudience"));
        TokenVerifier verifier = TokenVerifier.from(AuthSettings.from(new Env(env)));

        assertThat(verifier.verify(Optional.of(event.at("/headers/authorization").asText()))).isEqualTo("sample-user");
    }
}
