package com.todoapi.agent.builtin.when;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/**
 * Dates, times and repeat rules in words, for the replies: "tomorrow (Sunday, December 6) at
 * 5 PM", "mañana (domingo 6 de diciembre) a las 17:00", "every month on day 1". English, and
 * Spanish for {@code "es"}; the words are here rather than in the language files because the
 * order of the parts differs between the two, not only the words.
 */
public final class Spoken {
    private static final String[] EN_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] ES_DAYS = {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"};
    private static final String[] EN_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final String[] ES_MONTHS = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
            "septiembre", "octubre", "noviembre", "diciembre"};
    private static final Map<String, String[]> UNITS_EN = Map.of("DAILY", new String[]{"day", "days"},
            "WEEKLY", new String[]{"week", "weeks"}, "MONTHLY", new String[]{"month", "months"}, "YEARLY", new String[]{"year", "years"});
    private static final Map<String, String[]> UNITS_ES = Map.of("DAILY", new String[]{"día", "días"},
            "WEEKLY", new String[]{"semana", "semanas"}, "MONTHLY", new String[]{"mes", "meses"}, "YEARLY", new String[]{"año", "años"});
    private static final Map<String, DayOfWeek> RRULE_DAYS = Map.of("MO", DayOfWeek.MONDAY, "TU", DayOfWeek.TUESDAY,
            "WE", DayOfWeek.WEDNESDAY, "TH", DayOfWeek.THURSDAY, "FR", DayOfWeek.FRIDAY, "SA", DayOfWeek.SATURDAY,
            "SU", DayOfWeek.SUNDAY);

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
        int index = date.getDayOfWeek().getValue() - 1;
        String year = date.getYear() == today.getYear() ? "" : (spanish ? " de " : ", ") + date.getYear();
        return spanish ? ES_DAYS[index] + " " + date.getDayOfMonth() + " de " + ES_MONTHS[date.getMonthValue() - 1] + year
                : EN_DAYS[index] + ", " + EN_MONTHS[date.getMonthValue() - 1] + " " + date.getDayOfMonth() + year;
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
        String[] unit = (spanish ? UNITS_ES : UNITS_EN).get(freq);
        if (unit == null) {
            return rule;
        }
        int interval = Optional.ofNullable(parts.get("INTERVAL")).map(Integer::parseInt).orElse(1);
        StringBuilder words = new StringBuilder(spanish ? "cada " : "every ");
        if (parts.containsKey("BYDAY")) {
            String[] days = parts.get("BYDAY").split(",");
            if (interval > 1) {
                words.append(interval).append(' ').append(unit[1]).append(spanish ? " el " : " on ");
            }
            for (int i = 0; i < days.length; i++) {
                DayOfWeek day = RRULE_DAYS.get(days[i]);
                if (day == null) {
                    return rule;
                }
                words.append(i == 0 ? "" : i == days.length - 1 ? (spanish ? " y " : " and ") : ", ")
                        .append((spanish ? ES_DAYS : EN_DAYS)[day.getValue() - 1]);
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
