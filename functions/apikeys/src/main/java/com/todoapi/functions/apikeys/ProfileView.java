package com.todoapi.functions.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.todoapi.profile.Profile;

import java.time.ZoneId;

/**
 * The person's profile as {@code /v1/me} shows it: their id, the zone they set ({@code null} when
 * none) and the zone in use (UTC when none is set).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ProfileView(String userId, String timeZone, String effectiveTimeZone) {

    static ProfileView of(String userId, Profile profile) {
        return new ProfileView(userId, profile.timeZone().map(ZoneId::getId).orElse(null), profile.zone().getId());
    }
}
