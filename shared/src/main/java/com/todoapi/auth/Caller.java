package com.todoapi.auth;

import com.todoapi.apikeys.Scope;

import java.util.OptionalLong;
import java.util.Set;

/**
 * Who is calling, as every route sees it, whichever credential was presented: the user ({@code sub}
 * of a JWT, or a key's owner), what they may do, and which key it was (empty for a JWT). A JWT
 * grants every scope; a key grants those it was created with.
 */
public record Caller(String userId, Set<Scope> scopes, OptionalLong apiKeyId) {
    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public static Caller fromToken(String userId) {
        return new Caller(userId, Scope.all(), OptionalLong.empty());
    }

    public boolean viaApiKey() {
        return apiKeyId.isPresent();
    }

    public boolean may(Scope needed) {
        return needed.allowedBy(scopes);
    }
}
