package com.todoapi.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.todoapi.aws.Secrets;
import com.todoapi.config.Env;

import java.net.URI;
import java.net.URL;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How tokens are checked, from the function's environment:
 * JWT_ISSUER and JWT_AUDIENCE always; then either JWT_JWKS_URL (an OIDC issuer's keys, with
 * JWT_ALGORITHMS, default RS256) or an HS256 secret, JWT_SECRET_ARN in AWS (JWT_SECRET in local mode);
 * and JWT_CLIENT_IDS (comma-separated, may be empty): the Cognito app clients whose access tokens
 * ({@code token_use} {@code access}, {@code client_id}, no {@code aud}) are accepted.
 */
public record AuthSettings(String issuer, String audience, Optional<URL> jwksUrl, Set<JWSAlgorithm> jwksAlgorithms,
                           Optional<byte[]> hmacSecret, Set<String> clientIds) {
    static final int MIN_SECRET_BYTES = 32;

    /** Settings that accept no Cognito access token (no app client configured). */
    public AuthSettings(String issuer, String audience, Optional<URL> jwksUrl, Set<JWSAlgorithm> jwksAlgorithms,
                        Optional<byte[]> hmacSecret) {
        this(issuer, audience, jwksUrl, jwksAlgorithms, hmacSecret, Set.of());
    }

    public AuthSettings {
        clientIds = Set.copyOf(clientIds);
        if (jwksUrl.isPresent() == hmacSecret.isPresent()) {
            throw new IllegalStateException("Configure exactly one way to check tokens: JWT_JWKS_URL or JWT_SECRET(_ARN)");
        }
        if (!jwksAlgorithms.stream().allMatch(AuthSettings::publicKey)) {
            throw new IllegalStateException("JWT_ALGORITHMS may only name public-key algorithms, not " + jwksAlgorithms);
        }
        if (hmacSecret.isPresent() && hmacSecret.get().length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("The HS256 secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
    }

    public static AuthSettings from(Env env) {
        String issuer = env.require("JWT_ISSUER");
        String audience = env.require("JWT_AUDIENCE");
        Optional<URL> jwks = env.optional("JWT_JWKS_URL").map(AuthSettings::url);
        Set<JWSAlgorithm> algorithms = Arrays.stream(env.optional("JWT_ALGORITHMS").orElse("RS256").split(","))
                .map(String::strip).map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
        Optional<byte[]> secret = jwks.isPresent()
                ? Optional.empty()
                : Secrets.read(env, "JWT_SECRET").map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Set<String> clientIds = Arrays.stream(env.optional("JWT_CLIENT_IDS").orElse("").split(","))
                .map(String::strip).filter(id -> !id.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new AuthSettings(issuer, audience, jwks, algorithms, secret, clientIds);
    }

    private static URL url(String text) {
        try {
            return URI.create(text).toURL();
        } catch (Exception e) {
            throw new IllegalStateException("JWT_JWKS_URL is not a URL: " + text, e);
        }
    }

    /** The public-key signature algorithms a JWKS may be used with. */
    private static boolean publicKey(JWSAlgorithm algorithm) {
        return switch (algorithm.getName()) {
            case "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA" -> true;
            default -> false;
        };
    }
}
