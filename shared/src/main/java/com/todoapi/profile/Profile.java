package com.todoapi.profile;

import java.time.ZoneId;
import java.util.Optional;

/** A person's settings: for now their time zone, absent until they set one (then UTC is used). */
public record Profile(Optional<ZoneId> timeZone) {
    public static final Profile EMPTY = new Profile(Optional.empty());
    /** The zone of a person who set none: UTC, as the region id "UTC" (ZoneOffset.UTC's id is "Z"). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    /** The zone "today", floating times, recurrence and reminders are read in. */
    public ZoneId zone() {
        return timeZone.orElse(DEFAULT_ZONE);
    }
}
