package com.todoapi.functions.apikeys;

import com.todoapi.apikeys.ApiKeyService;
import com.todoapi.domain.DomainException;
import com.todoapi.http.ApiException;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.JsonBody;
import com.todoapi.http.Responses;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.wiring.Services;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/api-keys}: {@code {name, scopes?, expires_in_days?}} gives 201 with the key, shown
 * this once. A JWT only: a key cannot make keys (403). {@code Idempotency-Key} is not honoured here,
 * since replaying the answer would mean storing the key.
 */
public final class CreateApiKeyHandler extends AuthenticatedFunction {
    private final ApiKeyService keys;

    public CreateApiKeyHandler() {
        this(Services.fromEnvironment());
    }

    CreateApiKeyHandler(Services services) {
        super(services.platform());
        this.keys = services.apiKeys();
    }

    @Override
    protected boolean acceptsApiKeys() {
        return false;
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        JsonBody body = request.body().allowOnly(Set.of("name", "scopes", "expires_in_days"));
        var name = body.text("name");
        var scopes = body.textArray("scopes");
        var days = body.positiveNumber("expires_in_days");
        body.done();
        ApiKeyService.Created created;
        try {
            created = keys.create(request.userId(), name, scopes, days);
        } catch (DomainException limit) {
            if (limit.kind() == DomainException.Kind.CONFLICT && !limit.problems().isEmpty()) {
                // The live-key limit: retrying will not help, so no Retry-After.
                throw new ApiException(409, "conflict", limit.getMessage(), List.of(), Map.of());
            }
            throw limit;
        }
        return Responses.json(201, CreatedApiKeyView.of(created));
    }
}
