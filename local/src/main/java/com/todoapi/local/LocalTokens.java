package com.todoapi.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Deque;
import java.util.UUID;

/**
 * Mints HS256 tokens that local mode accepts, from local/local-config.json (docs/api.md "Local mode"):
 * the secret JWT_SECRET, issuer JwtIssuer and audience JwtAudience.
 */
public record LocalTokens(byte[] secret, String issuer, String audience) {

    public static LocalTokens from(LocalConfig config) {
        String secret = require(config.environment().get("JWT_SECRET"), "environment.JWT_SECRET");
        return new LocalTokens(secret.getBytes(StandardCharsets.UTF_8),
                require(config.parameters().get("JwtIssuer"), "parameters.JwtIssuer"),
                require(config.parameters().get("JwtAudience"), "parameters.JwtAudience"));
    }

    /** A token for {@code userId}, valid from now for {@code lifetime}. */
    public String mint(String userId, Duration lifetime) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(userId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build());
    }

    /** Any claims, signed with the local secret: for tests of what the verifier must refuse. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a local token: " + e.getMessage(), e);
        }
    }

    static String fromCommandLine(Deque<String> args) {
        String user = "alice";
        long days = 1;
        while (!args.isEmpty()) {
            String arg = args.pop();
            if (arg.equals("--days")) {
                days = Long.parseLong(args.pop());
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else {
                user = arg;
            }
        }
        return from(LocalConfig.read(Path.of("local", "local-config.json"))).mint(checkedUserId(user), Duration.ofDays(days));
    }

    /**
     * The API's rule for a token's {@code sub} (it becomes part of table keys): 1-255 printable ASCII
     * characters, no space and no {@code #}. A token for any other id would only ever get 401.
     */
    static String checkedUserId(String user) {
        if (user.isEmpty() || user.length() > 255) {
            throw new IllegalArgumentException("a user id is 1 to 255 characters; this one has " + user.length());
        }
        if (!user.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '#')) {
            throw new IllegalArgumentException("a user id is printable ASCII without spaces or '#' (the API refuses any other)");
        }
        return user;
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("local/local-config.json has no " + name);
        }
        return value;
    }
}
