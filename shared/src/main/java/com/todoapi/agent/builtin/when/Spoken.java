package com.todoapi.agent.builtin.when;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.Map;
import java.util.Optional;

/**
 * Dates, times and repeat rules in words, for the replies: "tomorrow (Sunday, December 6) at
 * 5 PM", "mañana (domingo 6 de diciembre) a las 17:00", "every month on day 1". English, and
 * Spanish for {@code "es"}; the words are here rather than in the language files because the
 * order of the parts differs between the two, not only the words.
 */
public final class Spoken {
    private final boolean spanish;
    private final LocalDate today;

    public Spoken(String languageCode, LocalDate today) {
        this.spanish = "es".equals(languageCode);
        this.today = today;
    }

    /** "today at 5 PM", "tomorrow (Sunday, December 6)", "Friday, December 11, 2027 at 9:30 AM". */
    public String when(When when) {
        String day = day(when.date());
        return when.time().map(time -> day + (spanish ? (time.getHour() == 1 ? " a la " : " a las ") : " at ") + time(time))
                .orElse(day);
    }

    /** Shorter, for a line of a list: "today at 4 PM", "tomorrow", "Monday, December 7". */
    public String brief(When when) {
        LocalDate date = when.date();
        String day = date.equals(today) ? (spanish ? "hoy" : "today")
                : date.equals(today.plusDays(1)) ? (spanish ? "mañana" : "tomorrow")
                : spanish ? "el " + calendar(date) : calendar(date);
        return when.time().map(time -> day + (spanish ? (time.getHour() == 1 ? " a la " : " a las ") : " at ") + time(time))
                .orElse(day);
    }

    private String day(LocalDate date) {
        String calendar = calendar(date);
        if (date.equals(today)) {
            return (spanish ? "hoy" : "today") + " (" + calendar + ")";
        }
        if (date.equals(today.plusDays(1))) {
            return (spanish ? "mañana" : "tomorrow") + " (" + calendar + ")";
        }
        return spanish ? "el " + calendar : calendar;
    }

    private String calendar(LocalDate date) {
        String year = date.getYear() == today.getYear() ? "" : (spanish ? " de " : ", ") + date.getYear();
        return spanish ? weekday(date.getDayOfWeek()) + " " + date.getDayOfMonth() + " de " + month(date.getMonth()) + year
                : weekday(date.getDayOfWeek()) + ", " + month(date.getMonth()) + " " + date.getDayOfMonth() + year;
    }

    private String weekday(DayOfWeek day) {
        if (!spanish) {
            String name = day.name();
            return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
        }
        return switch (day) {
            case MONDAY -> "lunes";
            case TUESDAY -> "martes";
            case WEDNESDAY -> "miércoles";
            case THURSDAY -> "jueves";
            case FRIDAY -> "viernes";
            case SATURDAY -> "sábado";
            case SUNDAY -> "domingo";
        };
    }

    private String month(Month month) {
        if (!spanish) {
            String name = month.name();
            return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
        }
        return switch (month) {
            case JANUARY -> "enero";
            case FEBRUARY -> "febrero";
            case MARCH -> "marzo";
            case APRIL -> "abril";
            case MAY -> "mayo";
            case JUNE -> "junio";
            case JULY -> "julio";
            case AUGUST -> "agosto";
            case SEPTEMBER -> "septiembre";
            case OCTOBER -> "octubre";
            case NOVEMBER -> "noviembre";
            case DECEMBER -> "diciembre";
        };
    }

    /** The unit of a FREQ, singular and plural; empty for one we do not write. */
    private Optional<String[]> unit(String freq) {
        return Optional.ofNullable(switch (freq) {
            case "DAILY" -> spanish ? new String[]{"día", "días"} : new String[]{"day", "days"};
            case "WEEKLY" -> spanish ? new String[]{"semana", "semanas"} : new String[]{"week", "weeks"};
            case "MONTHLY" -> spanish ? new String[]{"mes", "meses"} : new String[]{"month", "months"};
            case "YEARLY" -> spanish ? new String[]{"año", "años"} : new String[]{"year", "years"};
            default -> null;
        });
    }

    private static Optional<DayOfWeek> rruleDay(String code) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(code) && code.length() == 2) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** "5 PM", "5:30 PM", "12 PM" in English; "17:00" in Spanish. */
    public String time(LocalTime time) {
        if (spanish) {
            return String.format(java.util.Locale.ROOT, "%d:%02d", time.getHour(), time.getMinute());
        }
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String minutes = time.getMinute() == 0 ? "" : String.format(java.util.Locale.ROOT, ":%02d", time.getMinute());
        return hour + minutes + (time.getHour() < 12 ? " AM" : " PM");
    }

    /** An RRULE value as we write them ({@code FREQ=MONTHLY;BYMONTHDAY=1}) in words; the value itself for any other. */
    public String repeat(String rule) {
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : rule.split(";")) {
            String[] nameValue = part.split("=", 2);
            if (nameValue.length == 2) {
                parts.put(nameValue[0], nameValue[1]);
            }
        }
        String freq = parts.getOrDefault("FREQ", "");
        Optional<String[]> units = unit(freq);
        if (units.isEmpty()) {
            return rule;
        }
        String[] unit = units.get();
        int interval = Optional.ofNullable(parts.get("INTERVAL")).map(Integer::parseInt).orElse(1);
        StringBuilder words = new StringBuilder(spanish ? "cada " : "every ");
        if (parts.containsKey("BYDAY")) {
            String[] days = parts.get("BYDAY").split(",");
            if (interval > 1) {
                words.append(interval).append(' ').append(unit[1]).append(spanish ? " el " : " on ");
            }
            for (int i = 0; i < days.length; i++) {
                Optional<DayOfWeek> day = rruleDay(days[i]);
                if (day.isEmpty()) {
                    return rule;
                }
                words.append(i == 0 ? "" : i == days.length - 1 ? (spanish ? " y " : " and ") : ", ")
                        .append(weekday(day.get()));
            }
            return words.toString();
        }
        words.append(interval > 1 ? interval + " " + unit[1] : unit[0]);
        if (parts.containsKey("BYMONTHDAY")) {
            String day = parts.get("BYMONTHDAY");
            words.append(day.equals("-1") ? (spanish ? " el último día" : " on the last day")
                    : (spanish ? " el día " : " on day ") + day);
        }
        return words.toString();
    }
}
