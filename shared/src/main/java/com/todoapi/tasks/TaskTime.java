package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's due time or reminder time, in one of three forms, kept as the person gave it:
 * <ul>
 * <li>a day, {@code 2026-12-06};</li>
 * <li>a floating local time, {@code 2026-12-06T17:00} (seconds optional): that wall-clock time in
 * the person's zone, resolved to an instant when written;</li>
 * <li>a fixed instant, the same with {@code Z} or an offset, {@code 2026-12-06T17:00+01:00}.</li>
 * </ul>
 * A local time that a daylight-saving change skips is moved forward by the gap and one it repeats
 * is the earlier of the two, as RFC 5545 section 3.3.5 resolves such times (and as
 * {@link ZonedDateTime#ofLocal} does).
 */
public record TaskTime(String given, LocalDate date, Optional<LocalTime> time, Optional<Instant> at, boolean fixed) {
    public static final int MAX_LENGTH = 40;
    private static final Pattern FORM = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:T(\\d{2}:\\d{2}(?::\\d{2})?)(Z|[+-]\\d{2}:\\d{2})?)?");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final String FORMS = "must be a day (2026-12-06), a local time (2026-12-06T17:00) "
            + "or a time with Z or an offset (2026-12-06T17:00Z)";

    /** The time as given, resolved in {@code zone} when it floats; INVALID when it is no such time. */
    public static TaskTime parse(String field, String text, ZoneId zone) {
        if (text == null || text.length() > MAX_LENGTH) {
            throw DomainException.invalid(field, FORMS);
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw DomainException.invalid(field, FORMS);
        }
        LocalDate date;
        Optional<LocalTime> time;
        try {
            date = LocalDate.parse(m.group(1));
            time = Optional.ofNullable(m.group(2)).map(LocalTime::parse);
        } catch (DateTimeException impossible) {
            throw DomainException.invalid(field, "is not a date that exists (" + text + ")");
        }
        if (date.getYear() < 1970) {
            throw DomainException.invalid(field, "must be in 1970 or later");
        }
        if (time.isEmpty()) {
            return new TaskTime(text, date, time, Optional.empty(), false);
        }
        LocalDateTime local = date.atTime(time.get());
        if (m.group(3) != null) {
            ZoneOffset offset;
            try {
                offset = ZoneOffset.of(m.group(3));
            } catch (DateTimeException badOffset) {
                throw DomainException.invalid(field, "has an offset out of range (" + m.group(3) + ")");
            }
            return new TaskTime(text, date, time, Optional.of(local.toInstant(offset)), true);
        }
        return new TaskTime(text, date, time, Optional.of(ZonedDateTime.ofLocal(local, zone, null).toInstant()), false);
    }

    /** As {@link #parse}, but a day alone is refused: a reminder needs a time. */
    public static TaskTime parseWithTime(String field, String text, ZoneId zone) {
        TaskTime parsed = parse(field, text, zone);
        if (parsed.time().isEmpty()) {
            throw DomainException.invalid(field, "must have a time (2026-12-06T17:00), not only a day");
        }
        return parsed;
    }

    /** A stored time: its form from the text given, its instant as resolved when it was written. */
    public static TaskTime stored(String given, Instant at) {
        TaskTime form = parse("stored", given, ZoneOffset.UTC);
        return form.time().isEmpty() ? form : new TaskTime(given, form.date(), form.time(), Optional.ofNullable(at)
                .or(form::at), form.fixed());
    }

    /** The wall-clock time in {@code zone}: a day is its midnight, a fixed instant is seen from the zone. */
    public LocalDateTime local(ZoneId zone) {
        if (fixed) {
            return at.orElseThrow().atZone(zone).toLocalDateTime();
        }
        return date.atTime(time.orElse(LocalTime.MIDNIGHT));
    }

    /** The day in {@code zone}. */
    public LocalDate day(ZoneId zone) {
        return local(zone).toLocalDate();
    }

    /** Where it starts: its instant, or for a day, that day's first moment in {@code zone}. */
    public Instant start(ZoneId zone) {
        return at.orElseGet(() -> date.atStartOfDay(zone).toInstant());
    }

    /** Whether it has passed at {@code now}: a time once it is reached, a day once it is over. */
    public boolean passed(Instant now, ZoneId zone) {
        return at.map(instant -> !instant.isAfter(now))
                .orElseGet(() -> date.isBefore(now.atZone(zone).toLocalDate()));
    }

    /** The same form moved to another wall-clock time in {@code zone} (a day keeps no time). */
    public TaskTime movedTo(LocalDateTime local, ZoneId zone) {
        if (time.isEmpty()) {
            return new TaskTime(local.toLocalDate().toString(), local.toLocalDate(), Optional.empty(), Optional.empty(),
                    false);
        }
        DateTimeFormatter format = given.length() > 16 && given.charAt(16) == ':' ? SECONDS : MINUTES;
        ZonedDateTime zoned = ZonedDateTime.ofLocal(local, zone, null);
        String text = format.format(zoned.toLocalDateTime());
        if (fixed) {
            ZoneOffset offset = zoned.getOffset();
            text += offset.equals(ZoneOffset.UTC) ? "Z" : offset.getId();
        }
        return new TaskTime(text, zoned.toLocalDate(), Optional.of(zoned.toLocalTime()),
                Optional.of(zoned.toInstant()), fixed);
    }
}
