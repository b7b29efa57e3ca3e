package com.todoapi.agent.builtin.when;

import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time part of a phrase: "at 5pm", "17:30", "at noon", "in the morning", "a las 5 de la
 * tarde", "al mediodía". A bare number is no time ("chapter 5"); "at 5" is.
 */
final class ClockReader {
    private final Set<String> timePrepositions = Set.of("at", "@", "around", "by", "before", "a", "las", "la",
            "sobre", "hacia", "antes", "de", "the");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(?:h|hs)?(am|pm|a\\.m\\.?|p\\.m\\.?|a|p)?");

    /** With {@code evening}, after "tonight": "at 8" is 20:00. */
    Optional<LocalTime> timePart(Tokens tokens, boolean evening) {
        int mark = tokens.mark();
        boolean preposition = false;
        while (tokens.accept(timePrepositions)) {
            preposition = true;
        }
        Optional<LocalTime> read = timeWords(tokens, preposition, evening);
        if (read.isEmpty()) {
            tokens.reset(mark);
        }
        return read;
    }

    private Optional<LocalTime> timeWords(Tokens tokens, boolean preposition, boolean evening) {
        if (tokens.accept("noon", "midday", "mediodia") || tokens.acceptAll("al", "mediodia")) {
            return Optional.of(LocalTime.NOON);
        }
        if (tokens.accept("midnight", "medianoche")) {
            return Optional.of(LocalTime.MIDNIGHT);
        }
        int mark = tokens.mark();
        if (tokens.accept("in") && tokens.accept("the") || tokens.accept("por") && tokens.accept("la")) {
            String part = tokens.peek();
            if (TimeWords.partOfDay(part).isPresent() && !part.equals("tonight")) {
                tokens.next();
                return TimeWords.partOfDay(part);
            }
        }
        tokens.reset(mark);
        if (TimeWords.partOfDay(tokens.peek()).isPresent() && !preposition && !tokens.peek().equals("manana")) {
            return TimeWords.partOfDay(tokens.next());
        }
        Matcher clock = CLOCK.matcher(tokens.peek());
        if (!clock.matches()) {
            return Optional.empty();
        }
        tokens.next();
        int hour = Integer.parseInt(clock.group(1));
        int minute = clock.group(2) == null ? 0 : Integer.parseInt(clock.group(2));
        String meridiem = clock.group(3);
        if (meridiem == null) {
            String word = tokens.peek();
            if (tokens.accept("am", "a.m", "pm", "p.m")) {
                meridiem = word;
            }
        }
        boolean oClock = tokens.acceptAll("o'clock") || tokens.acceptAll("oclock");
        String dayPart = null;
        int beforeDayPart = tokens.mark();
        if (tokens.acceptAll("de", "la") || tokens.acceptAll("por", "la") || tokens.acceptAll("in", "the")) {
            if (Set.of("manana", "tarde", "noche", "madrugada", "morning", "afternoon", "evening", "night").contains(tokens.peek())) {
                dayPart = tokens.next();
            } else {
                tokens.reset(beforeDayPart);
            }
        } else if (tokens.acceptAll("del", "mediodia")) {
            dayPart = "tarde";
        }
        if (meridiem == null && clock.group(2) == null && dayPart == null && !preposition && !oClock
                && !clock.group().endsWith("h") && !clock.group().endsWith("hs")) {
            // A bare number ("chapter 5") is no time; "at 5", "5pm", "5:30" and "5 de la tarde" are.
            return Optional.empty();
        }
        if (hour > 23 || minute > 59 || meridiem != null && (hour < 1 || hour > 12)) {
            return Optional.empty();
        }
        if (meridiem != null) {
            boolean pm = meridiem.startsWith("p");
            hour = hour % 12 + (pm ? 12 : 0);
        } else if (dayPart != null) {
            boolean afternoon = Set.of("tarde", "noche", "afternoon", "evening", "night").contains(dayPart);
            if (hour <= 12 && afternoon && hour < 12) {
                hour += 12;
            }
        } else if (hour >= 1 && hour <= 12 && clock.group(2) == null) {
            // "at 5" with no am or pm: the afternoon for 1 to 6 (and in the evening, up to 11), the morning for 7 to 11.
            if (hour <= 6 || evening && hour < 12) {
                hour += 12;
            }
        }
        return Optional.of(LocalTime.of(hour, minute));
    }
}
