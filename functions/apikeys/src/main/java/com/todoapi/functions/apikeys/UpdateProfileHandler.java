package com.todoapi.functions.apikeys;

import com.todoapi.domain.DomainException;
import com.todoapi.http.HttpResponse;
import com.todoapi.http.JsonBody;
import com.todoapi.http.Responses;
import com.todoapi.lambda.ApiRequest;
import com.todoapi.lambda.AuthenticatedFunction;
import com.todoapi.profile.Profile;
import com.todoapi.profile.ProfileService;
import com.todoapi.wiring.Services;

import java.util.Optional;
import java.util.Set;

/**
 * {@code PATCH /v1/me}: {@code {time_zone}}, an IANA name ({@code null} clears it, and UTC is used);
 * an unknown name is 400. Gives the profile as {@code GET /v1/me} does.
 */
public final class UpdateProfileHandler extends AuthenticatedFunction {
    private final ProfileService profiles;

    public UpdateProfileHandler() {
        this(Services.fromEnvironment());
    }

    UpdateProfileHandler(Services services) {
        super(services.platform());
        this.profiles = services.profiles();
    }

    @Override
    protected HttpResponse handle(ApiRequest request) {
        JsonBody body = request.body().allowOnly(Set.of("time_zone"));
        Optional<Optional<String>> zone = body.nullableText("time_zone");
        body.done();
        if (zone.isEmpty()) {
            throw DomainException.invalid("body", "must change time_zone");
        }
        Profile profile = profiles.setTimeZone(request.userId(), zone.get().orElse(null));
        return Responses.json(200, ProfileView.of(request.userId(), profile));
    }
}
