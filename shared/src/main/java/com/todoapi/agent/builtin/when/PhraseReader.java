package com.todoapi.agent.builtin.when;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a whole phrase of time words ("tomorrow at 5pm", "el viernes", "every month on the 1st",
 * "in 2 hours") into a {@link Schedule}, relative to the turn's time in the person's zone; empty
 * when any word is not part of a phrase it knows. Every form it reads is in docs/assistant.md.
 */
final class PhraseReader {
    private final ZonedDateTime now;
    private final LocalDate today;
    private final DateReader dates;
    private final ClockReader clock;
    private final RepeatReader repeats;

    PhraseReader(ZonedDateTime now) {
        this.now = now;
        this.today = now.toLocalDate();
        this.dates = new DateReader(today);
        this.clock = new ClockReader();
        this.repeats = new RepeatReader(now, dates, clock);
    }

    Optional<Schedule> read(List<String> words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        Tokens repeating = new Tokens(words);
        Optional<Schedule> repeat = repeats.repeat(repeating);
        if (repeat.isPresent() && repeating.atEnd()) {
            return repeat;
        }
        Tokens once = new Tokens(words);
        Optional<When> when = once(once);
        return when.isPresent() && once.atEnd() ? when.map(Schedule::once) : Optional.empty();
    }

    private Optional<When> once(Tokens tokens) {
        Optional<LocalDateTime> later = fromNow(tokens);
        if (later.isPresent()) {
            return later.map(t -> When.at(t.toLocalDate(), t.toLocalTime()));
        }
        DateReader.DatePart date = null;
        LocalTime time = null;
        for (int part = 0; part < 2; part++) {
            if (date == null) {
                Optional<DateReader.DatePart> read = dates.datePart(tokens);
                if (read.isPresent()) {
                    date = read.get();
                    continue;
                }
            }
            if (time == null) {
                Optional<LocalTime> read = clock.timePart(tokens, date != null && date.evening());
                if (read.isPresent()) {
                    time = read.get();
                    continue;
                }
            }
            break;
        }
        if (date == null && time == null) {
            return Optional.empty();
        }
        if (date == null) {
            return Optional.of(When.at(time.isAfter(now.toLocalTime()) ? today : today.plusDays(1), time));
        }
        Optional<LocalTime> at = time != null ? Optional.of(time) : date.impliedTime();
        return Optional.of(new When(date.date(), at));
    }

    /** "in 2 hours", "en media hora", "dentro de 30 minutos": counted on the timeline, so across a DST change too. */
    private Optional<LocalDateTime> fromNow(Tokens tokens) {
        int mark = tokens.mark();
        if (tokens.accept("in", "en") || tokens.acceptAll("dentro", "de")) {
            Optional<Duration> length = duration(tokens);
            if (length.isPresent()) {
                return Optional.of(now.plus(length.get()).toLocalDateTime());
            }
        }
        tokens.reset(mark);
        return Optional.empty();
    }

    private static Optional<Duration> duration(Tokens tokens) {
        if (tokens.acceptAll("half", "an", "hour") || tokens.acceptAll("media", "hora")) {
            return Optional.of(Duration.ofMinutes(30));
        }
        OptionalInt count = TimeWords.number(tokens.peek());
        if (count.isEmpty() || count.getAsInt() < 1) {
            return Optional.empty();
        }
        tokens.next();
        String unit = tokens.next();
        return switch (unit) {
            case "hour", "hours", "hr", "hrs", "h", "hora", "horas" -> Optional.of(Duration.ofHours(count.getAsInt()));
            case "minute", "minutes", "min", "mins", "minuto", "minutos" -> Optional.of(Duration.ofMinutes(count.getAsInt()));
            default -> Optional.empty();
        };
    }
}
