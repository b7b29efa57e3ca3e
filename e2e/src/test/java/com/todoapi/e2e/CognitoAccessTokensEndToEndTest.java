package com.todoapi.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import com.todoapi.local.LocalConfig;
import com.todoapi.testing.LocalRuntimeExtension;
import com.todoapi.testing.ServiceClient;
import com.todoapi.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service configured as with Amazon Cognito (a JWKS, JwtClientIds), through the local runtime,
 * against a local issuer that signs tokens shaped as Cognito's: an access token ({@code token_use}
 * access, {@code client_id}, no {@code aud}) of a configured app client is accepted, another
 * client's refused, and ID tokens stay accepted by their {@code aud}.
 */
@Tag(E2e.OWN_RUNTIME)
@ExtendWith(LocalRuntimeExtension.class)
@LocalRuntimeExtension.Setup(CognitoAccessTokensEndToEndTest.CognitoLikeIssuer.class)
class CognitoAccessTokensEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A JWKS served on the loopback, the runtime's JwtJwksUrl; app client "app-client-a" configured. */
    public static final class CognitoLikeIssuer implements LocalRuntimeExtension.RuntimeSetup {
        static volatile RSAKey signingKey;

        @Override
        public LocalRuntimeExtension.Prepared prepare(LocalConfig base) {
            try {
                RSAKey key = new RSAKeyGenerator(2048).keyID("pool-key-1").generate();
                signingKey = key;
                byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/.well-known/jwks.json", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    exchange.getResponseBody().write(jwks);
                    exchange.close();
                });
                server.start();
                Map<String, String> parameters = new HashMap<>(base.parameters());
                parameters.put("JwtJwksUrl", "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
                parameters.put("JwtClientIds", "app-client-a");
                return new LocalRuntimeExtension.Prepared(new LocalConfig(parameters, base.environment(), base.onStart()),
                        () -> server.stop(0));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aConfiguredClientsAccessTokenIsAcceptedAndAnotherClientsRefused(ServiceClient client) throws Exception {
        String user = "cognito-" + UUID.randomUUID();
        String access = "Bearer " + token(access(user));
        HttpResponse<String> created = client.send("POST", "/v1/tasks", "{\"title\":\"From an access token\"}", "Authorization", access);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(client.send("GET", "/v1/tasks", null, "Authorization", access).body()).contains("From an access token");

        for (UnaryOperator<JWTClaimsSet.Builder> broken : java.util.List.<UnaryOperator<JWTClaimsSet.Builder>>of(
                c -> c.claim("client_id", "app-client-b"),
                c -> c.claim("client_id", null),
                c -> c.claim("token_use", "refresh"))) {
            HttpResponse<String> refused = client.send("GET", "/v1/tasks", null, "Authorization",
                    "Bearer " + token(broken.apply(access(user))));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("www-authenticate")).hasValue("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void idTokensStayAcceptedByTheirAudienceAndKeysWorkBesideThem(ServiceClient client) throws Exception {
        String user = "cognito-" + UUID.randomUUID();
        String id = "Bearer " + token(access(user).claim("token_use", "id").claim("client_id", null).audience("todo-api"));
        assertThat(client.send("GET", "/v1/tasks", null, "Authorization", id).statusCode()).isEqualTo(200);
        String foreignId = "Bearer " + token(access(user).claim("token_use", "id").claim("client_id", null).audience("another-api"));
        assertThat(client.send("GET", "/v1/tasks", null, "Authorization", foreignId).statusCode()).isEqualTo(401);
        assertThat(client.send("GET", "/v1/tasks", null, "Authorization", Tokens.bearer(user)).statusCode())
                .as("an HS256 token, when the JWKS is what the service trusts").isEqualTo(401);

        HttpResponse<String> made = client.send("POST", "/v1/api-keys", "{\"name\":\"cli\"}", "Authorization",
                "Bearer " + token(access(user)));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String key = JSON.readTree(made.body()).get("key").asText();
        assertThat(client.send("GET", "/v1/tasks", null, "Authorization", "Bearer " + key).statusCode()).isEqualTo(200);
    }

    /** Claims as Cognito puts them in an access token: no aud, the app client in client_id. */
    private static JWTClaimsSet.Builder access(String user) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("http://127.0.0.1:3000/local")
                .subject(user)
                .claim("token_use", "access")
                .claim("client_id", "app-client-a")
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("username", user)
                .jwtID(UUID.randomUUID().toString())
                .claim("auth_time", now.getEpochSecond())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    }

    private static String token(JWTClaimsSet.Builder claims) throws JOSEException {
        RSAKey key = CognitoLikeIssuer.signingKey;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
