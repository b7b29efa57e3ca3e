package com.todoapi.agent.builtin.when;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The day part of a phrase: "tomorrow", "next friday", "el 24 de diciembre", "in 3 days", "the
 * 20th", "end of the month", relative to today in the person's zone.
 */
final class DateReader {
    private final Set<String> datePrepositions = Set.of("on", "by", "due", "for", "before", "until", "till",
            "para", "antes", "de", "del", "hasta", "el", "la", "al");
    private final Set<String> nextWords = Set.of("next", "coming", "proximo", "proxima", "siguiente");
    private final Set<String> thisWords = Set.of("this", "este", "esta");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final LocalDate today;

    /** A day, the time a word like "tonight" stands for, and whether it is an evening (for "at 8"). */
    record DatePart(LocalDate date, Optional<LocalTime> impliedTime, boolean evening) {
    }

    DateReader(LocalDate today) {
        this.today = today;
    }

    /** Skips "on", "by", "para el" and the like. */
    void skipPrepositions(Tokens tokens) {
        tokens.skip(datePrepositions);
    }

    Optional<DatePart> datePart(Tokens tokens) {
        int mark = tokens.mark();
        skipPrepositions(tokens);
        Optional<DatePart> read = dateWords(tokens);
        if (read.isEmpty()) {
            tokens.reset(mark);
        }
        return read;
    }

    private Optional<DatePart> dateWords(Tokens tokens) {
        int mark = tokens.mark();
        if (tokens.accept("today", "hoy")) {
            return day(today);
        }
        if (tokens.accept("tonight") || tokens.acceptAll("esta", "noche")) {
            return Optional.of(new DatePart(today, TimeWords.partOfDay("tonight"), true));
        }
        if (tokens.acceptAll("the", "day", "after", "tomorrow") || tokens.acceptAll("day", "after", "tomorrow")
                || tokens.acceptAll("pasado", "manana")) {
            return day(today.plusDays(2));
        }
        if (tokens.accept("tomorrow", "tmrw", "tmr") || tokens.accept("manana")) {
            return day(today.plusDays(1));
        }
        if (tokens.accept(thisWords)) {
            String part = tokens.peek();
            if (TimeWords.partOfDay(part).isPresent() && !part.equals("tonight")) {
                tokens.next();
                return Optional.of(new DatePart(today, TimeWords.partOfDay(part), TimeWords.isEvening(part)));
            }
            if (TimeWords.weekday(tokens.peek()).isPresent()) {
                DayOfWeek weekday = TimeWords.weekday(tokens.next()).orElseThrow();
                return day(today.with(TemporalAdjusters.nextOrSame(weekday)));
            }
            if (tokens.accept("weekend") || tokens.acceptAll("fin", "de", "semana")) {
                return day(weekend());
            }
            tokens.reset(mark);
            return Optional.empty();
        }
        boolean next = tokens.accept(nextWords);
        if (TimeWords.weekday(tokens.peek()).isPresent()) {
            DayOfWeek weekday = TimeWords.weekday(tokens.next()).orElseThrow();
            tokens.acceptAll("que", "viene");
            return day(today.with(TemporalAdjusters.next(weekday)));
        }
        if (tokens.accept("week", "semana")) {
            if (next || tokens.acceptAll("que", "viene") || tokens.accept("proxima", "siguiente")) {
                return day(today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
            }
            tokens.reset(mark);
            return Optional.empty();
        }
        if (tokens.accept("month", "mes")) {
            if (next || tokens.acceptAll("que", "viene") || tokens.accept("proximo", "siguiente")) {
                return day(today.with(TemporalAdjusters.firstDayOfNextMonth()));
            }
            tokens.reset(mark);
            return Optional.empty();
        }
        if (next) {
            tokens.reset(mark);
            return Optional.empty();
        }
        if (tokens.accept("weekend") || tokens.acceptAll("fin", "de", "semana")) {
            return day(weekend());
        }
        int beforeEnd = tokens.mark();
        tokens.accept("the");
        if (tokens.acceptAll("end", "of", "the", "month") || tokens.acceptAll("end", "of", "month")
                || tokens.acceptAll("fin", "de", "mes") || tokens.acceptAll("final", "de", "mes")
                || tokens.acceptAll("finales", "de", "mes")) {
            return day(today.with(TemporalAdjusters.lastDayOfMonth()));
        }
        tokens.reset(beforeEnd);
        Optional<LocalDate> later = daysFromToday(tokens);
        if (later.isPresent()) {
            return day(later.get());
        }
        Optional<LocalDate> calendar = calendarDate(tokens);
        if (calendar.isPresent()) {
            return day(calendar.get());
        }
        tokens.reset(mark);
        return Optional.empty();
    }

    private static Optional<DatePart> day(LocalDate date) {
        return Optional.of(new DatePart(date, Optional.empty(), false));
    }

    private LocalDate weekend() {
        return today.getDayOfWeek() == DayOfWeek.SUNDAY ? today : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
    }

    /** "in 3 days", "in a week", "en 2 semanas", "dentro de un mes": a month later keeps the day, or the month's last. */
    private Optional<LocalDate> daysFromToday(Tokens tokens) {
        int mark = tokens.mark();
        if (tokens.accept("in", "en") || tokens.acceptAll("dentro", "de")) {
            OptionalInt count = TimeWords.number(tokens.next());
            if (count.isPresent() && count.getAsInt() >= 1) {
                int n = count.getAsInt();
                switch (tokens.next()) {
                    case "day", "days", "dia", "dias":
                        return Optional.of(today.plusDays(n));
                    case "week", "weeks", "semana", "semanas":
                        return Optional.of(today.plusWeeks(n));
                    case "month", "months", "mes", "meses":
                        return Optional.of(today.plusMonths(n));
                    case "year", "years", "ano", "anos":
                        return Optional.of(today.plusYears(n));
                    default:
                        break;
                }
            }
        }
        tokens.reset(mark);
        return Optional.empty();
    }

    /** "December 6", "dec 6th", "6 December", "the 6th of December", "6 de diciembre", "2026-12-06", "the 6th". */
    Optional<LocalDate> calendarDate(Tokens tokens) {
        int mark = tokens.mark();
        if (ISO_DATE.matcher(tokens.peek()).matches()) {
            try {
                return Optional.of(LocalDate.parse(tokens.next()));
            } catch (DateTimeParseException e) {
                tokens.reset(mark);
                return Optional.empty();
            }
        }
        tokens.accept("the");
        if (TimeWords.month(tokens.peek()).isPresent()) {
            Month month = TimeWords.month(tokens.next()).orElseThrow();
            Optional<TimeWords.DayNumber> day = TimeWords.dayNumber(tokens.peek());
            if (day.isPresent()) {
                tokens.next();
                return dateIn(month, day.get().day(), year(tokens));
            }
            tokens.reset(mark);
            return Optional.empty();
        }
        boolean dayWord = tokens.accept("day", "dia");
        Optional<TimeWords.DayNumber> day = TimeWords.dayNumber(tokens.peek());
        if (day.isEmpty()) {
            tokens.reset(mark);
            return Optional.empty();
        }
        tokens.next();
        int afterDay = tokens.mark();
        tokens.accept("of", "de");
        if (TimeWords.month(tokens.peek()).isPresent()) {
            Month month = TimeWords.month(tokens.next()).orElseThrow();
            return dateIn(month, day.get().day(), year(tokens));
        }
        tokens.reset(afterDay);
        // "the 6th", "el día 6": the next such day of a month, today included (a month without it is skipped).
        if (day.get().ordinal() || dayWord) {
            return Optional.of(nextDayOfMonth(day.get().day(), today));
        }
        tokens.reset(mark);
        return Optional.empty();
    }

    private static OptionalInt year(Tokens tokens) {
        int mark = tokens.mark();
        tokens.accept("de", ",");
        if (tokens.peek().matches("\\d{4}")) {
            return OptionalInt.of(Integer.parseInt(tokens.next()));
        }
        tokens.reset(mark);
        return OptionalInt.empty();
    }

    /** The date in the year given, else this year's, else (when that has passed) next year's. */
    private Optional<LocalDate> dateIn(Month month, int day, OptionalInt year) {
        int y = year.orElse(today.getYear());
        if (day > month.length(java.time.Year.isLeap(y))) {
            return Optional.empty();
        }
        LocalDate date = LocalDate.of(y, month, day);
        if (year.isEmpty() && date.isBefore(today)) {
            LocalDate nextYear = LocalDate.of(y + 1, month, Math.min(day, month.length(java.time.Year.isLeap(y + 1))));
            return nextYear.getDayOfMonth() == day ? Optional.of(nextYear) : Optional.empty();
        }
        return Optional.of(date);
    }

    /** The first date on or after {@code from} that is day {@code day} of its month; -1 is a month's last day. */
    static LocalDate nextDayOfMonth(int day, LocalDate from) {
        LocalDate month = from.withDayOfMonth(1);
        for (int i = 0; i < 48; i++, month = month.plusMonths(1)) {
            int length = month.lengthOfMonth();
            int target = day == -1 ? length : day;
            if (target <= length) {
                LocalDate date = month.withDayOfMonth(target);
                if (!date.isBefore(from)) {
                    return date;
                }
            }
        }
        throw new IllegalArgumentException("no month has day " + day);
    }
}
