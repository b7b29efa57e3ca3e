package com.todoapi.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a bearer token and answers whose it is. One per process: the processor is immutable
 * after construction and, for a JWKS, holds the only cache in a function: public keys, fetched
 * once, refetched (at most every 30 s) when a token names an unknown {@code kid}, and kept
 * through an outage of the issuer for up to a day.
 *
 * <p>Checks: the signature with an algorithm from an explicit allow-list (HS256 for a shared
 * secret; public-key algorithms only for a JWKS, so no {@code none} and no HMAC keyed with a
 * public key); {@code typ} JWT or absent; {@code iss} exactly; {@code aud} containing ours;
 * {@code exp} required and {@code nbf} honoured with 60 s of clock skew; {@code sub} required.
 * Cognito's two kinds (docs/deploy.md, "Amazon Cognito"): a token with {@code token_use} {@code id}, or
 * none (any other OIDC issuer, the HS256 tokens), must name our audience in {@code aud}; one with
 * {@code token_use} {@code access} carries no {@code aud} and must name a configured app client in
 * {@code client_id} (JWT_CLIENT_IDS; none configured, none is accepted); any other
 * {@code token_use} is refused.
 * Keys named in the token ({@code jku}, {@code x5u}, {@code jwk}) are never used.
 */
public final class TokenVerifier {
    public static final int MAX_TOKEN_LENGTH = 8 * 1024;
    private static final int MAX_CLOCK_SKEW_SECONDS = 60;
    /** Subjects become part of table keys: printable, no '#', at most 255 characters. */
    private static final Pattern SANE_SUBJECT = Pattern.compile("[\\x21-\\x22\\x24-\\x7e]{1,255}");
    private static final Duration JWKS_TIME_TO_LIVE = Duration.ofMinutes(15);
    private static final Duration JWKS_REFRESH_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration JWKS_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    private static final Duration JWKS_OUTAGE_TOLERANCE = Duration.ofHours(24);
    private static final int JWKS_HTTP_TIMEOUT_MILLIS = 2_000;
    private static final int JWKS_SIZE_LIMIT_BYTES = 256 * 1024;

    private final DefaultJWTProcessor<SecurityContext> processor;

    private TokenVerifier(JWSKeySelector<SecurityContext> keys, String issuer, String audience, Set<String> clientIds) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        p.setJWSKeySelector(keys);
        DefaultJWTClaimsVerifier<SecurityContext> addressed = new DefaultJWTClaimsVerifier<>(
                Set.of(audience),
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("iss", "sub", "exp"),
                Set.of());
        addressed.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        // Cognito's access tokens carry no aud: they name their app client in client_id instead.
        DefaultJWTClaimsVerifier<SecurityContext> access = new DefaultJWTClaimsVerifier<>(
                null,
                new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", "access").build(),
                Set.of("iss", "sub", "exp", "client_id"),
                Set.of());
        access.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        p.setJWTClaimsSetVerifier((claims, context) -> {
            Object use = claims.getClaim("token_use");
            if (use == null || "id".equals(use)) {
                addressed.verify(claims, context);
            } else if ("access".equals(use)) {
                access.verify(claims, context);
                if (!(claims.getClaim("client_id") instanceof String client) || !clientIds.contains(client)) {
                    throw new BadJWTException("access token of an app client not configured");
                }
            } else {
                throw new BadJWTException("unknown token_use");
            }
        });
        this.processor = p;
    }

    public static TokenVerifier from(AuthSettings settings) {
        if (settings.jwksUrl().isPresent()) {
            DefaultResourceRetriever retriever = new DefaultResourceRetriever(
                    JWKS_HTTP_TIMEOUT_MILLIS, JWKS_HTTP_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT_BYTES);
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(settings.jwksUrl().get(), retriever)
                    .cache(JWKS_TIME_TO_LIVE.toMillis(), JWKS_REFRESH_TIMEOUT.toMillis())
                    .rateLimited(JWKS_MIN_REFETCH_INTERVAL.toMillis())
                    .outageTolerant(JWKS_OUTAGE_TOLERANCE.toMillis())
                    .retrying(true)
                    .build();
            return new TokenVerifier(new JWSVerificationKeySelector<>(settings.jwksAlgorithms(), keys),
                    settings.issuer(), settings.audience(), settings.clientIds());
        }
        // One shared secret: the only key there is, whatever kid the header names.
        SecretKeySpec secret = new SecretKeySpec(settings.hmacSecret().orElseThrow(), "HmacSHA256");
        return new TokenVerifier(new SingleKeyJWSKeySelector<>(JWSAlgorithm.HS256, secret),
                settings.issuer(), settings.audience(), settings.clientIds());
    }

    /** The user id ({@code sub}) of the request's {@code Authorization: Bearer} token. */
    public String verify(Optional<String> authorization) throws InvalidTokenException {
        String token = bearerToken(authorization);
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (Exception rejected) {
            throw new InvalidTokenException("rejected: " + rejected.getClass().getSimpleName());
        }
        String subject = claims.getSubject();
        if (subject == null || !SANE_SUBJECT.matcher(subject).matches()) {
            throw new InvalidTokenException("unusable sub");
        }
        return subject;
    }

    /** The token of an {@code Authorization: Bearer} header, or why there is none. */
    static String bearerToken(Optional<String> authorization) throws InvalidTokenException {
        String header = authorization.orElseThrow(() -> new InvalidTokenException("no Authorization header")).strip();
        if (header.length() > MAX_TOKEN_LENGTH + 7) {
            throw new InvalidTokenException("token too long");
        }
        if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidTokenException("not a bearer token");
        }
        return header.substring(7).strip();
    }
}
