package com.todoapi.agent.builtin.when;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of dates and times the parser knows, English and Spanish together (they hardly
 * collide: "mañana" is read as "tomorrow" unless "de la" or "por la" makes it "morning"). Words
 * are compared folded: lower case, without accents, so "miércoles" and "miercoles" are one word.
 */
final class TimeWords {
    static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("mon", DayOfWeek.MONDAY), Map.entry("lunes", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("martes", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("miercoles", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("jueves", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("viernes", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("sabado", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("domingo", DayOfWeek.SUNDAY));
    static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("january", Month.JANUARY), Map.entry("jan", Month.JANUARY), Map.entry("enero", Month.JANUARY),
            Map.entry("february", Month.FEBRUARY), Map.entry("feb", Month.FEBRUARY), Map.entry("febrero", Month.FEBRUARY),
            Map.entry("march", Month.MARCH), Map.entry("marzo", Month.MARCH),
            Map.entry("april", Month.APRIL), Map.entry("apr", Month.APRIL), Map.entry("abril", Month.APRIL),
            Map.entry("may", Month.MAY), Map.entry("mayo", Month.MAY),
            Map.entry("june", Month.JUNE), Map.entry("jun", Month.JUNE), Map.entry("junio", Month.JUNE),
            Map.entry("july", Month.JULY), Map.entry("jul", Month.JULY), Map.entry("julio", Month.JULY),
            Map.entry("august", Month.AUGUST), Map.entry("aug", Month.AUGUST), Map.entry("agosto", Month.AUGUST),
            Map.entry("september", Month.SEPTEMBER), Map.entry("sep", Month.SEPTEMBER), Map.entry("sept", Month.SEPTEMBER),
            Map.entry("septiembre", Month.SEPTEMBER), Map.entry("setiembre", Month.SEPTEMBER),
            Map.entry("october", Month.OCTOBER), Map.entry("oct", Month.OCTOBER), Map.entry("octubre", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER), Map.entry("nov", Month.NOVEMBER), Map.entry("noviembre", Month.NOVEMBER),
            Map.entry("december", Month.DECEMBER), Map.entry("dec", Month.DECEMBER), Map.entry("diciembre", Month.DECEMBER));
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("un", 1), Map.entry("uno", 1),
            Map.entry("una", 1), Map.entry("two", 2), Map.entry("dos", 2), Map.entry("three", 3), Map.entry("tres", 3),
            Map.entry("four", 4), Map.entry("cuatro", 4), Map.entry("five", 5), Map.entry("cinco", 5),
            Map.entry("six", 6), Map.entry("seis", 6), Map.entry("seven", 7), Map.entry("siete", 7),
            Map.entry("eight", 8), Map.entry("ocho", 8), Map.entry("nine", 9), Map.entry("nueve", 9),
            Map.entry("ten", 10), Map.entry("diez", 10), Map.entry("eleven", 11), Map.entry("once", 11),
            Map.entry("twelve", 12), Map.entry("doce", 12), Map.entry("fifteen", 15), Map.entry("quince", 15),
            Map.entry("twenty", 20), Map.entry("veinte", 20), Map.entry("thirty", 30), Map.entry("treinta", 30));
    /** The clock a part of the day stands for when no time is said: "tomorrow morning" is 09:00. */
    static final Map<String, LocalTime> PARTS_OF_DAY = Map.of(
            "morning", LocalTime.of(9, 0), "manana", LocalTime.of(9, 0),
            "afternoon", LocalTime.of(15, 0), "tarde", LocalTime.of(15, 0),
            "evening", LocalTime.of(19, 0), "night", LocalTime.of(20, 0), "noche", LocalTime.of(20, 0),
            "tonight", LocalTime.of(20, 0));
    static final Set<String> ORDINAL_SUFFIXES = Set.of("st", "nd", "rd", "th", "o", "a", "º", "ª");
    private static final Pattern EDGES = Pattern.compile("^[\"'(¿¡]+|[\"'),.;!?¿¡]+$");
    private static final Pattern DAY_NUMBER = Pattern.compile("(\\d{1,2})(st|nd|rd|th|º|ª)?");

    private TimeWords() {
    }

    /** Lower case without accents or the punctuation around a word: "Miércoles," is "miercoles". */
    static String fold(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
            folded.append(switch (c) {
                case 'á', 'à', 'ä' -> 'a';
                case 'é', 'è', 'ë' -> 'e';
                case 'í', 'ï' -> 'i';
                case 'ó', 'ö' -> 'o';
                case 'ú', 'ü' -> 'u';
                case 'ñ' -> 'n';
                default -> c;
            });
        }
        return EDGES.matcher(folded).replaceAll("");
    }

    /** "3", "three", "tres". */
    static OptionalInt number(String word) {
        if (word.matches("\\d{1,3}")) {
            return OptionalInt.of(Integer.parseInt(word));
        }
        Integer value = NUMBERS.get(word);
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /** "6", "6th", "1st", "1º": a day of the month, with whether it carried an ordinal ending. */
    static Optional<DayNumber> dayNumber(String word) {
        Matcher matcher = DAY_NUMBER.matcher(word);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int day = Integer.parseInt(matcher.group(1));
        return day >= 1 && day <= 31 ? Optional.of(new DayNumber(day, matcher.group(2) != null)) : Optional.empty();
    }

    record DayNumber(int day, boolean ordinal) {
    }
}
