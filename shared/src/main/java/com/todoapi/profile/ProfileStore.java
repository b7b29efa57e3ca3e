package com.todoapi.profile;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Where a person's profile lives (one item under the person). */
public interface ProfileStore {

    /** The profile; {@link Profile#EMPTY} when none was ever written. */
    Profile find(String userId);

    /** Writes the time zone (a null one clears it). */
    void saveTimeZone(String userId, Optional<ZoneId> zone, Instant now);
}
