package com.todoapi.auth;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenVerifierTest {
    static final String ISSUER = "http://127.0.0.1:3000/local";
    static final String AUDIENCE = "todo-api";
    static final byte[] SECRET = "local-dev-secret-0123456789abcdef0123456789abcdef".getBytes(UTF_8);
    static final String USER = "user-1";

    // ---------------------------------------------------------------------------------------------
    // Shared helpers
    // ---------------------------------------------------------------------------------------------

    /** Claims every check accepts: our iss and aud, a sub, and an exp five minutes ahead. */
    static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(USER)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hs256(JWTClaimsSet claims) {
        return sign(new JWSHeader(JWSAlgorithm.HS256), claims, macSigner(SECRET));
    }

    static MACSigner macSigner(byte[] secret) {
        try {
            return new MACSigner(secret);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<String> bearer(String token) {
        return Optional.of("Bearer " + token);
    }

    static String b64(String json) {
        return b64(json.getBytes(UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A compact JWS built by hand from raw JSON, HMAC-SHA256-signed with {@code secret}. */
    static String rawHs256(String headerJson, String payloadJson, byte[] secret) {
        String signingInput = b64(headerJson) + "." + b64(payloadJson);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON of {@link #validClaims()} with {@code extra} (a JSON member) appended. */
    static String validPayloadJsonWith(String extraMember) {
        long exp = Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond();
        return "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + USER + "\",\"exp\":" + exp
                + (extraMember.isEmpty() ? "" : "," + extraMember) + "}";
    }

    static void assertRejected(TokenVerifier verifier, Optional<String> authorization) {
        assertThatThrownBy(() -> verifier.verify(authorization)).isInstanceOf(InvalidTokenException.class);
    }

    /** A tiny JWKS endpoint on loopback that counts its hits per path and can be made to fail. */
    static final class KeyServer implements AutoCloseable {
        private final HttpServer server;
        private final Map<String, String> bodies = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        private volatile int status = 200;

        KeyServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                String body = bodies.get(path);
                int code = body == null ? 404 : status;
                byte[] bytes = (code == 200 ? body : "{\"error\":\"unavailable\"}").getBytes(UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(code, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
        }

        void serve(String path, JWK... keys) {
            serveRaw(path, new JWKSet(Arrays.stream(keys).map(JWK::toPublicJWK).toList()).toString());
        }

        void serveRaw(String path, String body) {
            bodies.put(path, body);
        }

        void failWith(int status) {
            this.status = status;
        }

        int hits(String path) {
            AtomicInteger n = hits.get(path);
            return n == null ? 0 : n.get();
        }

        URL url(String path) {
            try {
                return uri(path).toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Key pairs are slow to make: made once, on first use, for every test of the class. */
    static final class Keys {
        static final RSAKey K1 = rsa("k1");
        static final RSAKey K2 = rsa("k2");
        static final RSAKey ATTACKER = rsa("k1");
        static final ECKey E1 = ec("e1");

        static RSAKey rsa(String kid) {
            try {
                return new RSAKeyGenerator(2048).keyID(kid).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        static ECKey ec(String kid) {
            try {
                return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // HS256 with a shared secret (local mode)
    // ---------------------------------------------------------------------------------------------

    @Nested
    class SharedSecret {
        private final TokenVerifier verifier = TokenVerifier.from(new AuthSettings(ISSUER, AUDIENCE, Optional.empty(),
                Set.of(JWSAlgorithm.RS256), Optional.of(SECRET)));

        private void rejects(String token) {
            assertRejected(verifier, bearer(token));
        }

        private void rejects(JWTClaimsSet claims) {
            rejects(hs256(claims));
        }

        @Test
        void validTokenAnswersItsSubject() throws Exception {
            assertThat(verifier.verify(bearer(hs256(validClaims().build())))).isEqualTo(USER);
        }

        @Test
        void tokenWithTypJwtIsAccepted() throws Exception {
            String token = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                    validClaims().build(), macSigner(SECRET));
            assertThat(verifier.verify(bearer(token))).isEqualTo(USER);
        }

        @Test
        void schemeIsCaseInsensitiveAndSurroundingWhitespaceIsIgnored() throws Exception {
            String token = hs256(validClaims().build());
            assertThat(verifier.verify(Optional.of("bearer " + token))).isEqualTo(USER);
            assertThat(verifier.verify(Optional.of("BEARER " + token))).isEqualTo(USER);
            assertThat(verifier.verify(Optional.of("  Bearer   " + token + "  "))).isEqualTo(USER);
        }

        @Test
        void audienceListContainingOursIsAccepted() throws Exception {
            String token = hs256(validClaims().audience(List.of("another-api", AUDIENCE)).build());
            assertThat(verifier.verify(bearer(token))).isEqualTo(USER);
        }

        @Test
        void missingAuthorizationHeaderIsRejected() {
            assertRejected(verifier, Optional.empty());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic xyz", "Basic dXNlcjpwYXNz", "Token abc", "Bearerabc.def.ghi"})
        void headersThatAreNotABearerTokenAreRejected(String header) {
            assertRejected(verifier, Optional.of(header));
        }

        @Test
        void otherSchemeCarryingAValidTokenIsRejected() {
            assertRejected(verifier, Optional.of("Basic " + hs256(validClaims().build())));
        }

        @ParameterizedTest
        @ValueSource(strings = {"garbage", "a.b.c", "...", "eyJhbGciOiJIUzI1NiJ9..", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA"})
        void garbageIsRejected(String token) {
            rejects(token);
        }

        @Test
        void tokenExpiredBeyondTheClockSkewIsRejected() {
            rejects(validClaims().expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))).build());
        }

        @Test
        void tokenExpiredWithinTheSixtySecondSkewIsStillAccepted() throws Exception {
            String token = hs256(validClaims().expirationTime(Date.from(Instant.now().minusSeconds(30))).build());
            assertThat(verifier.verify(bearer(token))).isEqualTo(USER);
        }

        @Test
        void tokenNotYetValidBeyondTheSkewIsRejected() {
            rejects(validClaims().notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(5)))).build());
        }

        @Test
        void tokenNotYetValidWithinTheSkewIsAccepted() throws Exception {
            String token = hs256(validClaims().notBeforeTime(Date.from(Instant.now().plusSeconds(30))).build());
            assertThat(verifier.verify(bearer(token))).isEqualTo(USER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://127.0.0.1:3000/other", "http://127.0.0.1:3000/local/", "HTTP://127.0.0.1:3000/local", ""})
        void wrongIssuerIsRejected(String issuer) {
            rejects(validClaims().issuer(issuer).build());
        }

        @Test
        void missingIssuerIsRejected() {
            rejects(validClaims().issuer(null).build());
        }

        @Test
        void wrongAudienceIsRejected() {
            rejects(validClaims().audience("another-api").build());
            rejects(validClaims().audience(List.of("a", "b")).build());
        }

        @Test
        void missingAudienceIsRejected() {
            rejects(validClaims().audience((String) null).build());
        }

        @Test
        void missingSubjectIsRejected() {
            rejects(validClaims().subject(null).build());
        }

        @Test
        void missingExpirationIsRejected() {
            rejects(validClaims().expirationTime(null).build());
        }

        @ParameterizedTest
        @ValueSource(strings = {"user#1", "#", "", " ", "user 1", "user\t1", "usér", "user\n1", "user\u00001"})
        void subjectsUnfitForTableKeysAreRejected(String subject) {
            rejects(validClaims().subject(subject).build());
        }

        @Test
        void subjectOf255CharactersIsAcceptedButNot256Or300() throws Exception {
            String longest = "u".repeat(255);
            assertThat(verifier.verify(bearer(hs256(validClaims().subject(longest).build())))).isEqualTo(longest);
            rejects(validClaims().subject("u".repeat(256)).build());
            rejects(validClaims().subject("u".repeat(300)).build());
        }

        @Test
        void subjectWithEveryOtherPrintableAsciiCharacterIsAccepted() throws Exception {
            StringBuilder printable = new StringBuilder();
            for (char c = 0x21; c <= 0x7e; c++) {
                if (c != '#') {
                    printable.append(c);
                }
            }
            String subject = printable.toString();
            assertThat(verifier.verify(bearer(hs256(validClaims().subject(subject).build())))).isEqualTo(subject);
        }

        @Test
        void tokenSignedWithAnotherSecretIsRejected() {
            byte[] other = "another-secret-0123456789abcdef0123456789abcdef".getBytes(UTF_8);
            rejects(sign(new JWSHeader(JWSAlgorithm.HS256), validClaims().build(), macSigner(other)));
        }

        @Test
        void tamperedPayloadIsRejected() {
            String[] parts = hs256(validClaims().build()).split("\\.");
            String forged = b64(validPayloadJsonWith("").replace(USER, "admin"));
            rejects(parts[0] + "." + forged + "." + parts[2]);
        }

        @Test
        void unsecuredPlainJwtIsRejected() {
            rejects(new PlainJWT(validClaims().build()).serialize());
        }

        @Test
        void handMadeAlgNoneHeaderIsRejectedWithEmptyOrCopiedSignature() {
            String valid = hs256(validClaims().build());
            String signature = valid.substring(valid.lastIndexOf('.') + 1);
            String payload = b64(validPayloadJsonWith(""));
            for (String header : List.of("{\"alg\":\"none\"}", "{\"alg\":\"None\"}", "{\"alg\":\"NONE\"}",
                    "{\"alg\":\"none\",\"typ\":\"JWT\"}")) {
                rejects(b64(header) + "." + payload + ".");
                rejects(b64(header) + "." + payload + "." + signature);
            }
        }

        @Test
        void hs384WithTheRightSecretIsRejectedBecauseOnlyHs256IsAllowed() {
            rejects(sign(new JWSHeader(JWSAlgorithm.HS384), validClaims().build(), macSigner(SECRET)));
        }

        @Test
        void keysNamedInTheHeaderAreNeverFetchedNorTrusted() throws Exception {
            byte[] attackerSecret = "attacker-secret-0123456789abcdef0123456789abcdef".getBytes(UTF_8);
            try (KeyServer attacker = new KeyServer()) {
                attacker.serveRaw("/jwks.json", new JWKSet(new OctetSequenceKey.Builder(attackerSecret).keyID("k1").build()).toString(false));
                JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .jwkURL(attacker.uri("/jwks.json"))
                        .x509CertURL(attacker.uri("/cert.pem"))
                        .keyID("k1")
                        .build();
                rejects(sign(header, validClaims().build(), macSigner(attackerSecret)));
                assertThat(attacker.hits("/jwks.json")).isZero();
                assertThat(attacker.hits("/cert.pem")).isZero();
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"../../../dev/null", "' OR '1'='1", "", "k1"})
        void kidTricksSignedWithAnotherSecretAreRejected(String kid) {
            byte[] other = "another-secret-0123456789abcdef0123456789abcdef".getBytes(UTF_8);
            rejects(sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), validClaims().build(), macSigner(other)));
        }

        /** The shared secret is the only key: a kid in the header neither selects nor refuses it. */
        @Test
        void aKidDoesNotMatterWithTheSharedSecret() throws Exception {
            String token = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), validClaims().build(), macSigner(SECRET));
            assertThat(verifier.verify(bearer(token))).isEqualTo(USER);
        }

        @Test
        void tokenOfUpTo8KiBIsAcceptedAndLongerIsRejected() throws Exception {
            String largestAllowed = paddedToken(TokenVerifier.MAX_TOKEN_LENGTH, false);
            assertThat(largestAllowed.length()).isBetween(TokenVerifier.MAX_TOKEN_LENGTH - 3, TokenVerifier.MAX_TOKEN_LENGTH);
            assertThat(verifier.verify(bearer(largestAllowed))).isEqualTo(USER);

            String justTooLong = paddedToken(TokenVerifier.MAX_TOKEN_LENGTH, true);
            assertThat(justTooLong.length()).isBetween(TokenVerifier.MAX_TOKEN_LENGTH + 1, TokenVerifier.MAX_TOKEN_LENGTH + 4);
            rejects(justTooLong);
        }

        @Test
        void tokenWithA100KbClaimIsRejected() {
            rejects(hs256(validClaims().claim("padding", "x".repeat(100_000)).build()));
        }

        /** A valid token padded with a claim to the longest length at most {@code limit}, or the shortest above it. */
        private String paddedToken(int limit, boolean above) {
            int padding = limit * 3 / 4 - 200;
            String token = hs256(validClaims().claim("pad", "x".repeat(padding)).build());
            while (token.length() <= limit) {
                String next = hs256(validClaims().claim("pad", "x".repeat(++padding)).build());
                if (next.length() > limit) {
                    return above ? next : token;
                }
                token = next;
            }
            throw new IllegalStateException("initial padding estimate too large: " + token.length());
        }

        @Test
        void deeplyNestedClaimBeyondTheSizeLimitIsRejectedWithoutStackOverflow() {
            int depth = 10_000;
            String nested = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            rejects(rawHs256("{\"alg\":\"HS256\"}", validPayloadJsonWith("\"deep\":" + nested), SECRET));
            String arrays = "[".repeat(depth) + "]".repeat(depth);
            rejects(rawHs256("{\"alg\":\"HS256\"}", validPayloadJsonWith("\"deep\":" + arrays), SECRET));
        }

        @Test
        void deeplyNestedClaimWithinTheSizeLimitIsRejectedWithoutStackOverflow() {
            int depth = 2_500; // 5,000 characters: the token stays under 8 KiB, so the JSON parser must cope
            String arrays = "[".repeat(depth) + "]".repeat(depth);
            String token = rawHs256("{\"alg\":\"HS256\"}", validPayloadJsonWith("\"deep\":" + arrays), SECRET);
            assertThat(token.length()).isLessThanOrEqualTo(TokenVerifier.MAX_TOKEN_LENGTH);
            rejects(token);
        }

        @Test
        void modestlyNestedClaimIsAccepted() throws Exception {
            int depth = 20;
            String nested = "{\"a\":".repeat(depth) + "[1]" + "}".repeat(depth);
            String token = rawHs256("{\"alg\":\"HS256\"}", validPayloadJsonWith("\"deep\":" + nested), SECRET);
            assertThat(verifier.verify(bearer(token))).isEqualTo(USER);
        }

        @Test
        void handBuiltTokenWithTheRightSecretIsAccepted() throws Exception {
            // the control for the hand-built tokens above: rawHs256 itself produces good tokens
            assertThat(verifier.verify(bearer(rawHs256("{\"alg\":\"HS256\"}", validPayloadJsonWith(""), SECRET)))).isEqualTo(USER);
        }

        @Test
        void encryptedJwtIsRejected() throws Exception {
            EncryptedJWT jwe = new EncryptedJWT(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), validClaims().build());
            jwe.encrypt(new DirectEncrypter(Arrays.copyOf(SECRET, 32)));
            assertThat(jwe.serialize().split("\\.")).hasSize(5);
            rejects(jwe.serialize());
        }

        @Test
        void fivePartJweLookingGarbageIsRejected() {
            rejects(b64("{\"alg\":\"dir\",\"enc\":\"A256GCM\"}") + ".." + b64("iv") + "." + b64("ciphertext") + "." + b64("tag"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"at+jwt", "JOSE+JSON", "JOSE", "application/jwt"})
        void unexpectedTypIsRejected(String typ) {
            rejects(sign(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType(typ)).build(),
                    validClaims().build(), macSigner(SECRET)));
        }

        @Test
        void criticalHeaderTheVerifierDoesNotUnderstandIsRejected() {
            rejects(rawHs256("{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}", validPayloadJsonWith(""), SECRET));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Public keys from a JWKS URL (an OIDC issuer)
    // ---------------------------------------------------------------------------------------------

    @Nested
    class PublicKeysFromJwks {
        private static final String JWKS = "/jwks.json";
        private final RSAKey k1 = Keys.K1;
        private final RSAKey k2 = Keys.K2;
        /** Another key pair that claims the published kid "k1". */
        private final RSAKey attacker = Keys.ATTACKER;
        private final ECKey e1 = Keys.E1;

        private KeyServer server;

        @BeforeEach
        void startKeyServer() throws IOException {
            server = new KeyServer();
            server.serve(JWKS, k1, e1);
        }

        @AfterEach
        void stopKeyServer() {
            server.close();
        }

        private TokenVerifier verifier(JWSAlgorithm... algorithms) {
            return TokenVerifier.from(new AuthSettings(ISSUER, AUDIENCE, Optional.of(server.url(JWKS)),
                    Set.of(algorithms), Optional.empty()));
        }

        private String rs256(RSAKey key) throws JOSEException {
            return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), validClaims().build(),
                    new RSASSASigner(key));
        }

        /** Cognito's access token: token_use access, the app client in client_id, no aud; RS256 with the pool's key. */
        private String cognitoAccess(RSAKey key, java.util.function.UnaryOperator<JWTClaimsSet.Builder> change)
                throws JOSEException {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(ISSUER)
                    .subject(USER)
                    .claim("token_use", "access")
                    .claim("client_id", "app-client-a")
                    .claim("scope", "aws.cognito.signin.user.admin")
                    .claim("username", "alice")
                    .jwtID("jti-1")
                    .claim("auth_time", now.getEpochSecond())
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
            // Cognito's header names the key and the algorithm, no typ.
            return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), change.apply(claims).build(),
                    new RSASSASigner(key));
        }

        private TokenVerifier cognito(Set<String> clientIds) {
            return TokenVerifier.from(new AuthSettings(ISSUER, AUDIENCE, Optional.of(server.url(JWKS)),
                    Set.of(JWSAlgorithm.RS256), Optional.empty(), clientIds));
        }

        @Test
        void cognitoAccessTokensOfAConfiguredAppClientAreAcceptedWithoutAud() throws Exception {
            TokenVerifier verifier = cognito(Set.of("app-client-a", "app-client-b"));
            assertThat(verifier.verify(bearer(cognitoAccess(k1, c -> c)))).isEqualTo(USER);
            assertThat(verifier.verify(bearer(cognitoAccess(k1, c -> c.claim("client_id", "app-client-b"))))).isEqualTo(USER);
        }

        @Test
        void cognitoAccessTokensAreRefusedForAnotherClientOrWhenBroken() throws Exception {
            TokenVerifier verifier = cognito(Set.of("app-client-a"));
            assertRejected(verifier, bearer(cognitoAccess(k1, c -> c.claim("client_id", "app-client-z"))));
            assertRejected(verifier, bearer(cognitoAccess(k1, c -> c.claim("client_id", null))));
            assertRejected(verifier, bearer(cognitoAccess(k1, c -> c.claim("client_id", List.of("app-client-a")))));
            assertRejected(verifier, bearer(cognitoAccess(k1, c -> c.issuer("https://cognito-idp.example/other-pool"))));
            assertRejected(verifier, bearer(cognitoAccess(k1, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600))))));
            assertRejected(verifier, bearer(cognitoAccess(k1, c -> c.subject(null))));
            assertRejected(verifier, bearer(cognitoAccess(attacker, c -> c)));
            assertRejected(verifier, bearer(cognitoAccess(k1, c -> c.claim("token_use", "refresh"))));
            assertRejected(verifier, bearer(cognitoAccess(k1, c -> c.claim("token_use", "Access"))));
            assertRejected(cognito(Set.of()), bearer(cognitoAccess(k1, c -> c)));
        }

        @Test
        void cognitoIdTokensStayAcceptedByTheirAudience() throws Exception {
            TokenVerifier verifier = cognito(Set.of("app-client-a"));
            String id = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k1.getKeyID()).build(),
                    validClaims().claim("token_use", "id").build(), new RSASSASigner(k1));
            assertThat(verifier.verify(bearer(id))).isEqualTo(USER);
            String idForAnotherAudience = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k1.getKeyID()).build(),
                    validClaims().audience("app-client-a").claim("token_use", "id").build(), new RSASSASigner(k1));
            assertRejected(verifier, bearer(idForAnotherAudience));
            String idWithoutAud = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k1.getKeyID()).build(),
                    validClaims().audience((String) null).claim("token_use", "id").claim("client_id", "app-client-a").build(),
                    new RSASSASigner(k1));
            assertRejected(verifier, bearer(idWithoutAud));
        }

        @Test
        void rs256TokenSignedByAPublishedKeyIsAccepted() throws Exception {
            assertThat(verifier(JWSAlgorithm.RS256).verify(bearer(rs256(k1)))).isEqualTo(USER);
        }

        @Test
        void keySetIsFetchedOnceForManyVerifications() throws Exception {
            TokenVerifier verifier = verifier(JWSAlgorithm.RS256);
            for (int i = 0; i < 5; i++) {
                assertThat(verifier.verify(bearer(rs256(k1)))).isEqualTo(USER);
            }
            assertThat(server.hits(JWKS)).isEqualTo(1);
        }

        @Test
        void keySetIsNotFetchedBeforeTheFirstToken() {
            verifier(JWSAlgorithm.RS256);
            assertThat(server.hits(JWKS)).isZero();
        }

        /**
         * Nimbus's rate limiter allows two fetches per 30 s window: the first fetch opens the window
         * and one more is left for a key rotation, so the first unknown kid refetches at once. A
         * second unknown kid in the same window is refused without a fetch.
         */
        @Test
        void rotatedKeyIsPickedUpByOneImmediateRefetchThenRefetchesAreRateLimited() throws Exception {
            TokenVerifier verifier = verifier(JWSAlgorithm.RS256);
            assertThat(verifier.verify(bearer(rs256(k1)))).isEqualTo(USER);
            assertThat(server.hits(JWKS)).isEqualTo(1);

            server.serve(JWKS, k1, k2);
            assertThat(verifier.verify(bearer(rs256(k2)))).isEqualTo(USER);
            assertThat(server.hits(JWKS)).isEqualTo(2);

            RSAKey k3 = Keys.rsa("k3");
            server.serve(JWKS, k1, k2, k3);
            assertRejected(verifier, bearer(rs256(k3)));
            assertThat(server.hits(JWKS)).as("a third fetch within 30 s is rate-limited").isEqualTo(2);

            assertThat(verifier.verify(bearer(rs256(k1)))).isEqualTo(USER);
            assertThat(verifier.verify(bearer(rs256(k2)))).isEqualTo(USER);
            assertThat(server.hits(JWKS)).isEqualTo(2);
        }

        @Test
        void knownKeyKeepsVerifyingWhileTheIssuerFails() throws Exception {
            TokenVerifier verifier = verifier(JWSAlgorithm.RS256);
            assertThat(verifier.verify(bearer(rs256(k1)))).isEqualTo(USER);

            server.failWith(500);
            assertThat(verifier.verify(bearer(rs256(k1)))).isEqualTo(USER);
            assertThat(server.hits(JWKS)).as("served from the cache").isEqualTo(1);

            // an unknown kid forces a refetch, which fails: the token is refused, the old keys are kept
            assertRejected(verifier, bearer(rs256(k2)));
            assertThat(server.hits(JWKS)).as("the refetch was attempted (and retried once)").isGreaterThan(1);
            assertThat(verifier.verify(bearer(rs256(k1)))).isEqualTo(USER);
        }

        @Test
        void unreachableIssuerOnFirstUseRejectsTokens() throws Exception {
            server.failWith(500);
            assertRejected(verifier(JWSAlgorithm.RS256), bearer(rs256(k1)));
        }

        @Test
        void tokenSignedByAnotherKeyClaimingAPublishedKidIsRejected() throws Exception {
            assertRejected(verifier(JWSAlgorithm.RS256), bearer(rs256(attacker)));
        }

        @Test
        void keysEmbeddedOrLinkedInTheHeaderAreNeverUsed() throws Exception {
            server.serve("/attacker.json", attacker);
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID("k1")
                    .jwk(attacker.toPublicJWK())
                    .jwkURL(server.uri("/attacker.json"))
                    .build();
            String token = sign(header, validClaims().build(), new RSASSASigner(attacker));

            assertRejected(verifier(JWSAlgorithm.RS256), bearer(token));
            assertThat(server.hits("/attacker.json")).isZero();
        }

        @Test
        void hs256KeyedWithThePublicKeyIsRejected() throws Exception {
            byte[] der = k1.toRSAPublicKey().getEncoded();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(der)
                    + "\n-----END PUBLIC KEY-----\n";
            String jwkJson = k1.toPublicJWK().toJSONString();
            TokenVerifier verifier = verifier(JWSAlgorithm.RS256);
            for (byte[] confusedKey : List.of(der, pem.getBytes(UTF_8), jwkJson.getBytes(UTF_8))) {
                String token = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), validClaims().build(),
                        macSigner(confusedKey));
                assertRejected(verifier, bearer(token));
            }
        }

        @Test
        void es256IsRejectedWhenNotAllowedAndAcceptedWhenAllowed() throws Exception {
            String token = sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("e1").build(), validClaims().build(),
                    new ECDSASigner(e1));
            assertRejected(verifier(JWSAlgorithm.RS256), bearer(token));
            assertThat(verifier(JWSAlgorithm.RS256, JWSAlgorithm.ES256).verify(bearer(token))).isEqualTo(USER);
        }

        @Test
        void unsecuredTokenIsRejected() {
            assertRejected(verifier(JWSAlgorithm.RS256), bearer(new PlainJWT(validClaims().build()).serialize()));
        }

        @Test
        void claimsAreCheckedInJwksModeToo() throws Exception {
            TokenVerifier verifier = verifier(JWSAlgorithm.RS256);
            RSASSASigner signer = new RSASSASigner(k1);
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build();
            assertRejected(verifier, bearer(sign(header, validClaims().issuer("https://evil.example").build(), signer)));
            assertRejected(verifier, bearer(sign(header, validClaims().audience("another-api").build(), signer)));
            assertRejected(verifier, bearer(sign(header,
                    validClaims().expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))).build(), signer)));
            assertRejected(verifier, bearer(sign(header, validClaims().subject("a#b").build(), signer)));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // AuthSettings
    // ---------------------------------------------------------------------------------------------

    @Nested
    class Settings {
        private final Optional<URL> jwks = Optional.of(URI.create("https://issuer.example/.well-known/jwks.json").toURL());

        Settings() throws Exception {
        }

        private AuthSettings settings(Optional<URL> url, Set<JWSAlgorithm> algorithms, Optional<byte[]> secret) {
            return new AuthSettings(ISSUER, AUDIENCE, url, algorithms, secret);
        }

        @Test
        void jwksWithPublicKeyAlgorithmsIsAccepted() {
            assertThatCode(() -> settings(jwks, Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA), Optional.empty()))
                    .doesNotThrowAnyException();
        }

        @Test
        void appClientIdsAreReadFromACommaSeparatedListAndMayBeEmpty() {
            Map<String, String> env = new java.util.HashMap<>(Map.of("JWT_ISSUER", ISSUER, "JWT_AUDIENCE", AUDIENCE,
                    "JWT_JWKS_URL", jwks.get().toString(), "JWT_CLIENT_IDS", " app-client-a, ,app-client-b "));
            assertThat(AuthSettings.from(new com.todoapi.config.Env(env)).clientIds())
                    .containsExactlyInAnyOrder("app-client-a", "app-client-b");
            env.put("JWT_CLIENT_IDS", "");
            assertThat(AuthSettings.from(new com.todoapi.config.Env(env)).clientIds()).isEmpty();
            env.remove("JWT_CLIENT_IDS");
            assertThat(AuthSettings.from(new com.todoapi.config.Env(env)).clientIds()).isEmpty();
        }

        @Test
        void secretOf32BytesIsAccepted() {
            assertThatCode(() -> settings(Optional.empty(), Set.of(JWSAlgorithm.RS256), Optional.of(new byte[32])))
                    .doesNotThrowAnyException();
        }

        @Test
        void bothJwksAndSecretAreRefused() {
            assertThatThrownBy(() -> settings(jwks, Set.of(JWSAlgorithm.RS256), Optional.of(SECRET)))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void neitherJwksNorSecretIsRefused() {
            assertThatThrownBy(() -> settings(Optional.empty(), Set.of(JWSAlgorithm.RS256), Optional.empty()))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void secretShorterThan32BytesIsRefused() {
            assertThatThrownBy(() -> settings(Optional.empty(), Set.of(JWSAlgorithm.RS256), Optional.of(new byte[16])))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> settings(Optional.empty(), Set.of(JWSAlgorithm.RS256), Optional.of(new byte[31])))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void symmetricOrUnsecuredAlgorithmsForAJwksAreRefused() {
            for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512,
                    new JWSAlgorithm("none"))) {
                assertThatThrownBy(() -> settings(jwks, Set.of(JWSAlgorithm.RS256, algorithm), Optional.empty()))
                        .as(algorithm.getName())
                        .isInstanceOf(IllegalStateException.class);
            }
        }
    }
}
