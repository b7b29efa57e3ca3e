package com.todoapi.agent.builtin.when;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a whole phrase of time words ("tomorrow at 5pm", "el viernes", "every month on the 1st",
 * "in 2 hours") into a {@link Schedule}, relative to the turn's time in the person's zone; empty
 * when any word is not part of a phrase it knows. Every form it reads is in docs/assistant.md.
 */
final class PhraseReader {
    private final Set<String> datePrepositions = Set.of("on", "by", "due", "for", "before", "until", "till",
            "para", "antes", "de", "del", "hasta", "el", "la", "al", "starting", "from", "desde");
    private final Set<String> timePrepositions = Set.of("at", "@", "around", "by", "before", "a", "las", "la",
            "sobre", "hacia", "antes", "de", "the");
    private final Set<String> nextWords = Set.of("next", "coming", "proximo", "proxima", "siguiente");
    private final Set<String> thisWords = Set.of("this", "este", "esta");
    private final Set<String> everyWords = Set.of("every", "each", "cada");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(?:h|hs)?(am|pm|a\\.m\\.?|p\\.m\\.?|a|p)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ZonedDateTime now;
    private final LocalDate today;

    PhraseReader(ZonedDateTime now) {
        this.now = now;
        this.today = now.toLocalDate();
    }

    Optional<Schedule> read(List<String> words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        Tokens repeating = new Tokens(words);
        Optional<Schedule> repeat = repeat(repeating);
        if (repeat.isPresent() && repeating.atEnd()) {
            return repeat;
        }
        Tokens once = new Tokens(words);
        Optional<When> when = once(once);
        return when.isPresent() && once.atEnd() ? when.map(Schedule::once) : Optional.empty();
    }

    // ---- once: a date, a time, or both, in either order; or "in 2 hours" ----

    private record DatePart(LocalDate date, Optional<LocalTime> impliedTime, boolean evening) {
    }

    private Optional<When> once(Tokens tokens) {
        Optional<LocalDateTime> later = fromNow(tokens);
        if (later.isPresent()) {
            return later.map(t -> When.at(t.toLocalDate(), t.toLocalTime()));
        }
        DatePart date = null;
        LocalTime time = null;
        for (int part = 0; part < 2; part++) {
            if (date == null) {
                Optional<DatePart> read = datePart(tokens);
                if (read.isPresent()) {
                    date = read.get();
                    continue;
                }
            }
            if (time == null) {
                Optional<LocalTime> read = timePart(tokens, date != null && date.evening());
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

    private Optional<DatePart> datePart(Tokens tokens) {
        int mark = tokens.mark();
        tokens.skip(datePrepositions);
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
                return Optional.of(new DatePart(today, TimeWords.partOfDay(part), isEvening(part)));
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
    private Optional<LocalDate> calendarDate(Tokens tokens) {
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

    private Optional<LocalTime> timePart(Tokens tokens, boolean evening) {
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

    private static boolean isEvening(String partOfDay) {
        return Set.of("evening", "night", "noche", "tarde", "afternoon").contains(partOfDay);
    }

    // ---- repeat: "every ...", "daily", "cada mes el día 1", "on the 1st of every month" ----

    private record Rule(String freq, int interval, List<DayOfWeek> days, OptionalInt monthDay) {
    }

    private Optional<Schedule> repeat(Tokens tokens) {
        Optional<LocalTime> time = timePart(tokens, false);
        OptionalInt leadingMonthDay = leadingMonthDay(tokens);
        Optional<Rule> rule = rule(tokens);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        Rule read = rule.get();
        if (leadingMonthDay.isPresent()) {
            if (!read.freq().equals("MONTHLY") || read.monthDay().isPresent()) {
                return Optional.empty();
            }
            read = new Rule(read.freq(), read.interval(), read.days(), leadingMonthDay);
        } else if (read.freq().equals("MONTHLY") && read.monthDay().isEmpty()) {
            read = new Rule(read.freq(), read.interval(), read.days(), monthDay(tokens));
        }
        Optional<LocalDate> yearlyDate = Optional.empty();
        if (read.freq().equals("YEARLY")) {
            int mark = tokens.mark();
            tokens.skip(datePrepositions);
            yearlyDate = calendarDate(tokens);
            if (yearlyDate.isEmpty()) {
                tokens.reset(mark);
            }
        }
        if (time.isEmpty()) {
            time = timePart(tokens, false);
        }
        return Optional.of(new Schedule(first(read, yearlyDate, time), Optional.of(rrule(read))));
    }

    /** "on the 1st of every month", "el día 1 de cada mes": the day comes before "every". */
    private OptionalInt leadingMonthDay(Tokens tokens) {
        int mark = tokens.mark();
        tokens.skip(Set.of("on", "the", "el"));
        boolean dayWord = tokens.accept("day", "dia");
        Optional<TimeWords.DayNumber> day = TimeWords.dayNumber(tokens.peek());
        if (day.isPresent() && (day.get().ordinal() || dayWord)) {
            tokens.next();
            if (tokens.accept("of", "de")) {
                int beforeEvery = tokens.mark();
                if (tokens.accept(everyWords) || tokens.acceptAll("todos", "los")) {
                    tokens.reset(beforeEvery);
                    return OptionalInt.of(day.get().day());
                }
            }
        }
        tokens.reset(mark);
        return OptionalInt.empty();
    }

    /** "on the 1st", "el día 1", "el 15", "on the last day", "el último día". */
    private static OptionalInt monthDay(Tokens tokens) {
        int mark = tokens.mark();
        tokens.skip(Set.of("on", "the", "el"));
        if (tokens.acceptAll("last", "day") || tokens.acceptAll("ultimo", "dia")) {
            tokens.accept("of", "del", "de");
            tokens.accept("the", "el");
            tokens.accept("month", "mes");
            return OptionalInt.of(-1);
        }
        boolean dayWord = tokens.accept("day", "dia");
        Optional<TimeWords.DayNumber> day = TimeWords.dayNumber(tokens.peek());
        if (day.isPresent() && (day.get().ordinal() || dayWord || mark != tokens.mark())) {
            tokens.next();
            return OptionalInt.of(day.get().day());
        }
        tokens.reset(mark);
        return OptionalInt.empty();
    }

    private Optional<Rule> rule(Tokens tokens) {
        switch (tokens.peek()) {
            case "daily", "diariamente", "diario" -> {
                tokens.next();
                return rule("DAILY", 1);
            }
            case "weekly", "semanalmente", "semanal" -> {
                tokens.next();
                return rule("WEEKLY", 1);
            }
            case "monthly", "mensualmente", "mensual" -> {
                tokens.next();
                return rule("MONTHLY", 1);
            }
            case "yearly", "annually", "anualmente", "anual" -> {
                tokens.next();
                return rule("YEARLY", 1);
            }
            default -> {
            }
        }
        boolean every = tokens.accept(everyWords);
        boolean all = !every && (tokens.acceptAll("todos", "los") || tokens.acceptAll("todas", "las"));
        if (!every && !all) {
            return Optional.empty();
        }
        int interval = 1;
        if (tokens.accept("other")) {
            interval = 2;
        } else if (every) {
            OptionalInt count = TimeWords.number(tokens.peek());
            if (count.isPresent() && !tokens.peek().equals("a") && !tokens.peek().equals("un") && !tokens.peek().equals("una")) {
                tokens.next();
                interval = count.getAsInt();
            }
        }
        if (interval < 1 || interval > 99) {
            return Optional.empty();
        }
        if (tokens.accept("weekday", "weekdays") || tokens.acceptAll("dia", "laborable") || tokens.acceptAll("dias", "laborables")) {
            return Optional.of(new Rule("WEEKLY", interval, List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), OptionalInt.empty()));
        }
        List<DayOfWeek> days = weekdays(tokens);
        if (!days.isEmpty()) {
            return Optional.of(new Rule("WEEKLY", interval, days, OptionalInt.empty()));
        }
        return switch (tokens.next()) {
            case "day", "days", "dia", "dias" -> rule("DAILY", interval);
            case "week", "weeks", "semana", "semanas" -> rule("WEEKLY", interval);
            case "month", "months", "mes", "meses" -> rule("MONTHLY", interval);
            case "year", "years", "ano", "anos" -> rule("YEARLY", interval);
            default -> Optional.empty();
        };
    }

    private static Optional<Rule> rule(String freq, int interval) {
        return Optional.of(new Rule(freq, interval, List.of(), OptionalInt.empty()));
    }

    /** "monday", "mondays", "monday and thursday", "lunes y jueves". */
    private static List<DayOfWeek> weekdays(Tokens tokens) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        while (true) {
            String word = tokens.peek();
            Optional<DayOfWeek> day = TimeWords.weekday(singular(word));
            if (day.isEmpty()) {
                break;
            }
            tokens.next();
            days.add(day.get());
            int mark = tokens.mark();
            if (!(tokens.accept("and", "y", "&", ",") && TimeWords.weekday(singular(tokens.peek())).isPresent())) {
                tokens.reset(mark);
                break;
            }
        }
        return new ArrayList<>(days);
    }

    /** "mondays" is "monday"; "lunes" stays as it is. */
    private static String singular(String word) {
        return word.endsWith("s") && TimeWords.weekday(word.substring(0, word.length() - 1)).isPresent()
                ? word.substring(0, word.length() - 1) : word;
    }

    /** The first occurrence on or after today (today only while its time is still ahead). */
    private When first(Rule rule, Optional<LocalDate> yearlyDate, Optional<LocalTime> time) {
        LocalDate from = today;
        if (time.isPresent() && !time.get().isAfter(now.toLocalTime())) {
            from = today.plusDays(1);
        }
        LocalDate date;
        if (!rule.days().isEmpty()) {
            LocalDate start = from;
            date = rule.days().stream().map(d -> start.with(TemporalAdjusters.nextOrSame(d))).min(LocalDate::compareTo)
                    .orElse(from);
        } else if (rule.monthDay().isPresent()) {
            date = nextDayOfMonth(rule.monthDay().getAsInt(), from);
        } else if (yearlyDate.isPresent()) {
            date = yearlyDate.get().isBefore(from) ? yearlyDate.get().plusYears(1) : yearlyDate.get();
        } else {
            date = from;
        }
        return new When(date, time);
    }

    /** RFC 5545 section 3.3.10: FREQ first, then INTERVAL (only when not 1), BYDAY, BYMONTHDAY. */
    private static String rrule(Rule rule) {
        StringBuilder value = new StringBuilder("FREQ=").append(rule.freq());
        if (rule.interval() != 1) {
            value.append(";INTERVAL=").append(rule.interval());
        }
        if (!rule.days().isEmpty()) {
            value.append(";BYDAY=").append(String.join(",",
                    rule.days().stream().map(d -> d.name().substring(0, 2)).toList()));
        }
        rule.monthDay().ifPresent(day -> value.append(";BYMONTHDAY=").append(day));
        return value.toString();
    }
}
