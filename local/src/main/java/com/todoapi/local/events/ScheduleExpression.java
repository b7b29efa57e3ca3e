package com.todoapi.local.events;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code rate(5 minutes)} or the six-field
 * {@code cron(minutes hours day-of-month month day-of-week year)}, in UTC. Supports
 * {@code * ? , - /} and month and day names; {@code L W #} are refused with a clear error.
 */
public sealed interface ScheduleExpression {
    Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");
    Pattern CRON = Pattern.compile("cron\\((.+)\\)");

    /** The first firing strictly after {@code after}. */
    ZonedDateTime next(ZonedDateTime after);

    static ScheduleExpression parse(String expression) {
        String text = expression.trim();
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            if (amount < 1) {
                throw new IllegalArgumentException("rate() needs a positive amount: " + expression);
            }
            ChronoUnit unit = switch (rate.group(2).replaceAll("s$", "")) {
                case "minute" -> ChronoUnit.MINUTES;
                case "hour" -> ChronoUnit.HOURS;
                default -> ChronoUnit.DAYS;
            };
            return new Rate(Duration.of(amount, unit));
        }
        Matcher cron = CRON.matcher(text);
        if (cron.matches()) {
            return Cron.of(cron.group(1).trim().split("\\s+"), expression);
        }
        throw new IllegalArgumentException("Not a schedule expression the local runtime understands: " + expression);
    }

    record Rate(Duration every) implements ScheduleExpression {
        @Override
        public ZonedDateTime next(ZonedDateTime after) {
            return after.plus(every);
        }
    }

    record Cron(BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek, BitSet years,
                boolean anyDayOfMonth, boolean anyDayOfWeek) implements ScheduleExpression {
        private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
        private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

        static Cron of(String[] fields, String expression) {
            if (fields.length != 6) {
                throw new IllegalArgumentException("cron() takes six fields (minutes hours day-of-month month day-of-week year): " + expression);
            }
            return new Cron(field(fields[0], 0, 59, List.of(), expression), field(fields[1], 0, 23, List.of(), expression),
                    field(fields[2], 1, 31, List.of(), expression), field(fields[3], 1, 12, MONTHS, expression),
                    field(fields[4], 1, 7, DAYS, expression), field(fields[5], 1970, 2199, List.of(), expression),
                    isAny(fields[2]), isAny(fields[4]));
        }

        private static boolean isAny(String field) {
            return field.equals("*") || field.equals("?");
        }

        /** Names map to 1-based values: JAN = 1, SUN = 1, as in EventBridge. */
        private static BitSet field(String text, int min, int max, List<String> names, String expression) {
            BitSet values = new BitSet();
            for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
                if (part.matches("\\d*L|\\d+W|LW|.*#.*")) {
                    throw new IllegalArgumentException("The local runtime does not support L, W or # in " + expression);
                }
                String[] stepped = part.split("/", 2);
                int step = stepped.length == 2 ? Integer.parseInt(stepped[1]) : 1;
                int from;
                int to;
                if (stepped[0].equals("*") || stepped[0].equals("?")) {
                    from = min;
                    to = max;
                } else if (stepped[0].contains("-")) {
                    String[] range = stepped[0].split("-", 2);
                    from = value(range[0], names);
                    to = value(range[1], names);
                } else {
                    from = value(stepped[0], names);
                    to = stepped.length == 2 ? max : from;
                }
                if (from < min || to > max || from > to || step < 1) {
                    throw new IllegalArgumentException("Field '" + text + "' is out of range in " + expression);
                }
                for (int v = from; v <= to; v += step) {
                    values.set(v);
                }
            }
            return values;
        }

        private static int value(String token, List<String> names) {
            int index = names.indexOf(token);
            return index >= 0 ? index + 1 : Integer.parseInt(token);
        }

        @Override
        public ZonedDateTime next(ZonedDateTime after) {
            ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            ZonedDateTime limit = t.plusYears(5);
            while (t.isBefore(limit)) {
                if (years.get(t.getYear()) && months.get(t.getMonthValue()) && dayMatches(t)
                        && hours.get(t.getHour()) && minutes.get(t.getMinute())) {
                    return t;
                }
                t = t.plusMinutes(1);
            }
            throw new IllegalStateException("The cron expression never fires in the next five years");
        }

        private boolean dayMatches(ZonedDateTime t) {
            boolean dom = daysOfMonth.get(t.getDayOfMonth());
            boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7 + 1);
            if (anyDayOfMonth && anyDayOfWeek) {
                return true;
            }
            if (anyDayOfMonth) {
                return dow;
            }
            if (anyDayOfWeek) {
                return dom;
            }
            return dom && dow;
        }
    }
}
