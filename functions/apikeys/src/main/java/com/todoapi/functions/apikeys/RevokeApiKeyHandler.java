package com.todoapi.functions.apikeys;

import com.todoapi.apikeys.ApiKeyService;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.wiring.Services;

/**
 * {@code DELETE /v1/api-keys/{key_id}}: 204, and the key is refused from the very next request on;
 * another user's key, or one already revoked, is 404. A JWT only (a key gets 403).
 */
public final class RevokeApiKeyHandler extends AuthenticatedFunction {
    private final ApiKeyService keys;

    public RevokeApiKeyHandler() {
        this(Services.fromEnvironment());
    }

    RevokeApiKeyHandler(Services services) {
        super(services.platform());
        this.keys = services.apiKeys();
    }

    @Override
    protected boolean acceptsApiKeys() {
        return false;
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        keys.revoke(request.userId(), request.pathNumber("key_id"));
        return Responses.noContent();
    }
}
