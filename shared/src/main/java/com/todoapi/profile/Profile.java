package com.todoapi.profile;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** A person's settings: for now their time zone, absent until they set one (then UTC is used). */
public record Profile(Optional<ZoneId> timeZone) {
    public static final Profile EMPTY = new Profile(Optional.empty());

    /** The zone "today", floating times, recurrence and reminders are read in. */
    public ZoneId zone() {
        return timeZone.orElse(ZoneOffset.UTC);
    }
}
