package com.todoapi.functions.apikeys;

import com.todoapi.http.HttpResponse;
import com.todoapi.http.Responses;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.profile.ProfileService;
import com.todoapi.wiring.Services;

/** {@code GET /v1/me}: {@code {user_id, time_zone, effective_time_zone}}. */
public final class GetProfileHandler extends AuthenticatedFunction {
    private final ProfileService profiles;

    public GetProfileHandler() {
        this(Services.fromEnvironment());
    }

    GetProfileHandler(Services services) {
        super(services.platform());
        this.profiles = services.profiles();
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        return Responses.json(200, ProfileView.of(request.userId(), profiles.get(request.userId())));
    }
}
