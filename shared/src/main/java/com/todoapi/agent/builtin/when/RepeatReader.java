package com.todoapi.agent.builtin.when;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A repeat: "every day", "daily", "every friday", "every monday and thursday", "every other week",
 * "every month on the 1st", "on the 1st of every month", "cada mes el día 1", "todos los lunes",
 * as an RFC 5545 RRULE value (section 3.3.10) and its first occurrence from today.
 */
final class RepeatReader {
    private final Set<String> everyWords = Set.of("every", "each", "cada");
    private final ZonedDateTime now;
    private final LocalDate today;
    private final DateReader dates;
    private final ClockReader clock;

    RepeatReader(ZonedDateTime now, DateReader dates, ClockReader clock) {
        this.now = now;
        this.today = now.toLocalDate();
        this.dates = dates;
        this.clock = clock;
    }

    private record Rule(String freq, int interval, List<DayOfWeek> days, OptionalInt monthDay) {
    }

    Optional<Schedule> repeat(Tokens tokens) {
        Optional<LocalTime> time = clock.timePart(tokens, false);
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
            dates.skipPrepositions(tokens);
            yearlyDate = dates.calendarDate(tokens);
            if (yearlyDate.isEmpty()) {
                tokens.reset(mark);
            }
        }
        if (time.isEmpty()) {
            time = clock.timePart(tokens, false);
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
            date = DateReader.nextDayOfMonth(rule.monthDay().getAsInt(), from);
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
