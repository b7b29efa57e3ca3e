package com.todoapi.functions.apikeys;

import com.todoapi.accounts.AccountService;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.wiring.Services;

import java.util.Map;

/**
 * {@code DELETE /v1/me}: 202, every item of the user is removed in the background (the cleanup
 * queue); the user's API keys are refused before the answer. A JWT only (a key gets 403).
 */
public final class LeaveHandler extends AuthenticatedFunction {
    private final AccountService accounts;

    public LeaveHandler() {
        this(Services.fromEnvironment());
    }

    LeaveHandler(Services services) {
        super(services.platform());
        this.accounts = services.accounts();
    }

    @Override
    protected boolean acceptsApiKeys() {
        return false;
    }

    @Override
    protected String apiKeyRefusal() {
        return "An API key cannot delete its owner: use a token from your identity provider";
    }

    @Override
    protected boolean refusesLeavingUsers() {
        return false;
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        accounts.leave(request.userId());
        return Responses.json(202, Map.of("status", "deleting"));
    }
}
