package com.todoapi.auth;

import com.todoapi.apikeys.ApiKeyFormat;
import com.todoapi.apikeys.ApiKeyService;
import com.todoapi.apikeys.KeyGrant;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The bearer credential of a request, checked: a personal API key ({@code tdk_...}, looked up by
 * its digest on every request, no cache) or a JWT ({@link TokenVerifier}). Every failure is the
 * same {@link InvalidTokenException}, whatever failed.
 */
public final class Authenticator {
    private final TokenVerifier tokens;
    private final ApiKeyService keys;

    public Authenticator(TokenVerifier tokens, ApiKeyService keys) {
        this.tokens = tokens;
        this.keys = keys;
    }

    public Caller authenticate(Optional<String> authorization) throws InvalidTokenException {
        String bearer = TokenVerifier.bearerToken(authorization);
        if (ApiKeyFormat.looksLikeKey(bearer)) {
            KeyGrant grant = keys.authenticate(bearer).orElseThrow(() -> new InvalidTokenException("not a live API key"));
            return new Caller(grant.userId(), grant.scopes(), OptionalLong.of(grant.keyId()));
        }
        return Caller.fromToken(tokens.verify(authorization));
    }
}
