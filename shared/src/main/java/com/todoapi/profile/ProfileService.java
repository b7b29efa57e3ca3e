package com.todoapi.profile;

import com.todoapi.domain.DomainException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.zone.ZoneRulesProvider;
import java.util.Optional;

/**
 * A person's profile: {@code GET /v1/me}, {@code PATCH /v1/me}, and the zone every other part reads
 * ({@link #zoneOf}): the task routes, the tools, the chat worker.
 */
public final class ProfileService {
    private static final int MAX_ZONE_LENGTH = 64;

    private final ProfileStore store;
    private final Clock clock;

    public ProfileService(ProfileStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Profile get(String userId) {
        return store.find(userId);
    }

    /** The person's zone, UTC when they set none. One strongly consistent read. */
    public ZoneId zoneOf(String userId) {
        return store.find(userId).zone();
    }

    /** Sets (or with {@code null}, clears) the time zone: an IANA name such as {@code Europe/Madrid}. */
    public Profile setTimeZone(String userId, String name) {
        Optional<ZoneId> zone = name == null ? Optional.empty() : Optional.of(parseZone(name));
        store.saveTimeZone(userId, zone, clock.instant());
        return new Profile(zone);
    }

    /**
     * Only region names of the IANA database (the JDK's tzdb), and "UTC": a fixed offset such as
     * "+02:00" knows no daylight-saving change, so it is not a time zone a person lives in.
     */
    static ZoneId parseZone(String name) {
        if (name.length() > MAX_ZONE_LENGTH || !ZoneRulesProvider.getAvailableZoneIds().contains(name)) {
            throw DomainException.invalid("time_zone", "must be an IANA time zone name such as Europe/Madrid "
                    + "or America/New_York");
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException unknown) {
            throw DomainException.invalid("time_zone", "must be an IANA time zone name such as Europe/Madrid");
        }
    }
}
