package com.todoapi.tasks;

import com.todoapi.domain.DomainException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;

/**
 * A subset of an RFC 5545 recurrence rule (section 3.3.10, "Recurrence Rule"): {@code FREQ} =
 * DAILY, WEEKLY, MONTHLY or YEARLY; {@code INTERVAL}; {@code BYDAY} (with an ordinal such as
 * {@code 1MO} or {@code -1FR} only in a MONTHLY rule, as the section allows); {@code BYMONTHDAY}
 * (1 to 31 or -31 to -1; not in a WEEKLY rule, as the section says); {@code COUNT} or
 * {@code UNTIL}, never both. Names are case-insensitive (section 2); each part appears once.
 * The task's due time is the rule's DTSTART and its first occurrence. Dates a rule names that do
 * not exist (the 31st of a 30-day month, the 29th of February of a common year) are skipped, as
 * the section requires; the week starts on Monday (the default WKST). Other parts (BYHOUR,
 * BYMONTH, BYSETPOS, WKST, ...) are refused rather than ignored.
 */
public record Recurrence(Frequency frequency, int interval, List<WeekdayRule> byDay, List<Integer> byMonthDay,
                         OptionalInt count, Optional<LocalDate> untilDate, Optional<LocalDateTime> untilTime) {
    public static final int MAX_LENGTH = 200;
    public static final int MAX_INTERVAL = 100;
    public static final int MAX_COUNT = 10_000;

    public enum Frequency { DAILY, WEEKLY, MONTHLY, YEARLY }

    private static boolean supported(String part) {
        return switch (part) {
            case "FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL" -> true;
            default -> false;
        };
    }

    /** RFC 5545's two-letter weekday, or null. */
    private static DayOfWeek weekday(String code) {
        return switch (code) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            case "SU" -> DayOfWeek.SUNDAY;
            default -> null;
        };
    }

    /** A BYDAY entry: a weekday, and in a MONTHLY rule optionally its place in the month (1 first, -1 last). */
    public record WeekdayRule(int ordinal, DayOfWeek day) {
    }

    /** The rule, or INVALID naming what is wrong with it. An {@code RRULE:} prefix is allowed. */
    public static Recurrence parse(String field, String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw invalid(field, "must be a recurrence rule such as FREQ=WEEKLY;BYDAY=MO, at most " + MAX_LENGTH
                    + " characters");
        }
        String rule = text.strip().toUpperCase(Locale.ROOT);
        if (rule.startsWith("RRULE:")) {
            rule = rule.substring("RRULE:".length());
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rule.split(";", -1)) {
            int equals = part.indexOf('=');
            if (equals <= 0 || equals == part.length() - 1) {
                throw invalid(field, "must be NAME=VALUE parts separated by ';' (got '" + shorten(part) + "')");
            }
            String name = part.substring(0, equals);
            if (!supported(name)) {
                throw invalid(field, "supports only FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT and UNTIL (got "
                        + shorten(name) + ")");
            }
            if (parts.put(name, part.substring(equals + 1)) != null) {
                throw invalid(field, "must not repeat " + name);
            }
        }
        if (!parts.containsKey("FREQ")) {
            throw invalid(field, "needs FREQ");
        }
        Frequency frequency;
        try {
            frequency = Frequency.valueOf(parts.get("FREQ"));
        } catch (IllegalArgumentException unknown) {
            throw invalid(field, "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        int interval = parts.containsKey("INTERVAL") ? number(field, "INTERVAL", parts.get("INTERVAL"), 1, MAX_INTERVAL) : 1;
        if (parts.containsKey("COUNT") && parts.containsKey("UNTIL")) {
            throw invalid(field, "must not have both COUNT and UNTIL");
        }
        OptionalInt count = parts.containsKey("COUNT")
                ? OptionalInt.of(number(field, "COUNT", parts.get("COUNT"), 1, MAX_COUNT)) : OptionalInt.empty();
        List<WeekdayRule> byDay = parts.containsKey("BYDAY") ? byDay(field, parts.get("BYDAY"), frequency) : List.of();
        List<Integer> byMonthDay = parts.containsKey("BYMONTHDAY") ? byMonthDay(field, parts.get("BYMONTHDAY")) : List.of();
        if (frequency == Frequency.WEEKLY && !byMonthDay.isEmpty()) {
            throw invalid(field, "BYMONTHDAY cannot be used in a WEEKLY rule (RFC 5545)");
        }
        if (frequency == Frequency.YEARLY && (!byDay.isEmpty() || !byMonthDay.isEmpty())) {
            throw invalid(field, "a YEARLY rule takes no BYDAY or BYMONTHDAY here (it recurs on the due day)");
        }
        Optional<LocalDate> untilDate = Optional.empty();
        Optional<LocalDateTime> untilTime = Optional.empty();
        if (parts.containsKey("UNTIL")) {
            String until = parts.get("UNTIL");
            try {
                if (until.matches("\\d{8}")) {
                    untilDate = Optional.of(LocalDate.parse(until, java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
                } else if (until.matches("\\d{8}T\\d{6}Z?")) {
                    untilTime = Optional.of(LocalDateTime.parse(until.substring(0, 15),
                            java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss")));
                } else {
                    throw invalid(field, "UNTIL must be a date (20261231) or a date-time (20261231T170000Z)");
                }
            } catch (DateTimeException impossible) {
                throw invalid(field, "UNTIL is not a date that exists");
            }
        }
        return new Recurrence(frequency, interval, byDay, byMonthDay, count, untilDate, untilTime);
    }

    /** The rule written back in a canonical form (the order of the parts above, upper case). */
    public String text() {
        StringJoiner rule = new StringJoiner(";");
        rule.add("FREQ=" + frequency);
        if (interval != 1) {
            rule.add("INTERVAL=" + interval);
        }
        if (!byDay.isEmpty()) {
            StringJoiner days = new StringJoiner(",");
            byDay.forEach(d -> days.add((d.ordinal() == 0 ? "" : Integer.toString(d.ordinal())) + code(d.day())));
            rule.add("BYDAY=" + days);
        }
        if (!byMonthDay.isEmpty()) {
            StringJoiner days = new StringJoiner(",");
            byMonthDay.forEach(d -> days.add(Integer.toString(d)));
            rule.add("BYMONTHDAY=" + days);
        }
        count.ifPresent(n -> rule.add("COUNT=" + n));
        untilDate.ifPresent(d -> rule.add("UNTIL=" + d.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)));
        untilTime.ifPresent(t -> rule.add("UNTIL=" + t.format(java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"))));
        return rule.toString();
    }

    /**
     * The occurrence after {@code current} (a wall-clock time in the person's zone) of the series
     * that starts there, given that {@code current} is occurrence number {@code occurrence}
     * (1 for the first); empty when COUNT or UNTIL has ended the series. Later occurrences keep
     * the start's time of day.
     */
    public Optional<LocalDateTime> next(LocalDateTime current, int occurrence) {
        if (count.isPresent() && occurrence >= count.getAsInt()) {
            return Optional.empty();
        }
        LocalDate start = current.toLocalDate();
        LocalTime time = current.toLocalTime();
        // Enough days to cross any gap the subset allows: the longest is INTERVAL years plus
        // the eight years between two 29ths of February (1896 to 1904 had none between).
        LocalDate limit = start.plusYears((long) MAX_INTERVAL + 9);
        for (LocalDate day = start.plusDays(1); !day.isAfter(limit); day = day.plusDays(1)) {
            if (!inPeriod(start, day) || !matches(start, day)) {
                continue;
            }
            LocalDateTime next = day.atTime(time);
            if (untilDate.isPresent() && day.isAfter(untilDate.get())
                    || untilTime.isPresent() && next.isAfter(untilTime.get())) {
                return Optional.empty();
            }
            return Optional.of(next);
        }
        return Optional.empty();
    }

    /** Whether {@code day} falls in one of the INTERVAL-th periods (days, weeks, months, years) counted from the start's. */
    private boolean inPeriod(LocalDate start, LocalDate day) {
        long periods = switch (frequency) {
            case DAILY -> ChronoUnit.DAYS.between(start, day);
            case WEEKLY -> ChronoUnit.WEEKS.between(start.with(DayOfWeek.MONDAY), day.with(DayOfWeek.MONDAY));
            case MONTHLY -> ChronoUnit.MONTHS.between(start.withDayOfMonth(1), day.withDayOfMonth(1));
            case YEARLY -> day.getYear() - start.getYear();
        };
        return periods % interval == 0;
    }

    /** Whether {@code day} is an occurrence within its period, by the BY parts or, without them, the start's day. */
    private boolean matches(LocalDate start, LocalDate day) {
        return switch (frequency) {
            case DAILY -> (byDay.isEmpty() || dayListed(day)) && (byMonthDay.isEmpty() || monthDayListed(day));
            case WEEKLY -> byDay.isEmpty() ? day.getDayOfWeek() == start.getDayOfWeek() : dayListed(day);
            case MONTHLY -> {
                if (byDay.isEmpty() && byMonthDay.isEmpty()) {
                    yield day.getDayOfMonth() == start.getDayOfMonth();
                }
                yield (byDay.isEmpty() || dayListed(day)) && (byMonthDay.isEmpty() || monthDayListed(day));
            }
            case YEARLY -> day.getMonth() == start.getMonth() && day.getDayOfMonth() == start.getDayOfMonth();
        };
    }

    private boolean dayListed(LocalDate day) {
        for (WeekdayRule rule : byDay) {
            if (rule.day() != day.getDayOfWeek()) {
                continue;
            }
            if (rule.ordinal() == 0) {
                return true;
            }
            // A fifth weekday a month lacks lands in the next month, so it equals no day of this one.
            if (day.with(TemporalAdjusters.dayOfWeekInMonth(rule.ordinal(), rule.day())).equals(day)) {
                return true;
            }
        }
        return false;
    }

    private boolean monthDayListed(LocalDate day) {
        int length = day.lengthOfMonth();
        for (int listed : byMonthDay) {
            int dayOfMonth = listed > 0 ? listed : length + listed + 1;
            if (dayOfMonth == day.getDayOfMonth()) {
                return true;
            }
        }
        return false;
    }

    private static List<WeekdayRule> byDay(String field, String value, Frequency frequency) {
        List<WeekdayRule> days = new ArrayList<>();
        for (String entry : value.split(",", -1)) {
            if (!entry.matches("[+-]?\\d{0,2}[A-Z]{2}")) {
                throw invalid(field, "BYDAY must list days such as MO,WE or, in a MONTHLY rule, 1MO or -1FR");
            }
            DayOfWeek day = weekday(entry.substring(entry.length() - 2));
            if (day == null) {
                throw invalid(field, "BYDAY days are MO, TU, WE, TH, FR, SA, SU");
            }
            String prefix = entry.substring(0, entry.length() - 2);
            int ordinal = prefix.isEmpty() || prefix.equals("+") || prefix.equals("-") ? 0 : Integer.parseInt(prefix);
            if (!prefix.isEmpty() && (ordinal == 0 || Math.abs(ordinal) > 5)) {
                throw invalid(field, "a BYDAY ordinal must be 1 to 5 or -1 to -5");
            }
            if (ordinal != 0 && frequency != Frequency.MONTHLY) {
                throw invalid(field, "a BYDAY ordinal (1MO) needs FREQ=MONTHLY here");
            }
            WeekdayRule rule = new WeekdayRule(ordinal, day);
            if (!days.contains(rule)) {
                days.add(rule);
            }
        }
        return List.copyOf(days);
    }

    private static List<Integer> byMonthDay(String field, String value) {
        List<Integer> days = new ArrayList<>();
        for (String entry : value.split(",", -1)) {
            if (!entry.matches("[+-]?\\d{1,2}")) {
                throw invalid(field, "BYMONTHDAY must list days 1 to 31 or -31 to -1");
            }
            int day = Integer.parseInt(entry);
            if (day == 0 || Math.abs(day) > 31) {
                throw invalid(field, "BYMONTHDAY must list days 1 to 31 or -31 to -1");
            }
            if (!days.contains(day)) {
                days.add(day);
            }
        }
        return List.copyOf(days);
    }

    private static int number(String field, String name, String value, int min, int max) {
        if (!value.matches("\\d{1,6}")) {
            throw invalid(field, name + " must be a whole number from " + min + " to " + max);
        }
        int n = Integer.parseInt(value);
        if (n < min || n > max) {
            throw invalid(field, name + " must be a whole number from " + min + " to " + max);
        }
        return n;
    }

    private static String code(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    private static String shorten(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "..." : text;
    }

    private static DomainException invalid(String field, String problem) {
        return DomainException.invalid(field, problem);
    }
}
