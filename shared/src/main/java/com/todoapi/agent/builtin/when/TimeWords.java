package com.todoapi.agent.builtin.when;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of dates and times the parser knows, English and Spanish together (they hardly
 * collide: "mañana" is read as "tomorrow" unless "de la" or "por la" makes it "morning"). Words
 * are compared folded: lower case, without accents, so "miércoles" and "miercoles" are one word.
 */
final class TimeWords {
    private static final Pattern DAY_NUMBER_WORD = Pattern.compile("\\d{1,3}");

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
        if (DAY_NUMBER_WORD.matcher(word).matches()) {
            return OptionalInt.of(Integer.parseInt(word));
        }
        int value = switch (word) {
            case "a", "an", "one", "un", "uno", "una" -> 1;
            case "two", "dos" -> 2;
            case "three", "tres" -> 3;
            case "four", "cuatro" -> 4;
            case "five", "cinco" -> 5;
            case "six", "seis" -> 6;
            case "seven", "siete" -> 7;
            case "eight", "ocho" -> 8;
            case "nine", "nueve" -> 9;
            case "ten", "diez" -> 10;
            case "eleven", "once" -> 11;
            case "twelve", "doce" -> 12;
            case "fifteen", "quince" -> 15;
            case "twenty", "veinte" -> 20;
            case "thirty", "treinta" -> 30;
            default -> 0;
        };
        return value == 0 ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /** "friday", "fri", "viernes"; "sat", "sun" and "wed" are words too often to be days. */
    static Optional<DayOfWeek> weekday(String word) {
        DayOfWeek day = switch (word) {
            case "monday", "mon", "lunes" -> DayOfWeek.MONDAY;
            case "tuesday", "tue", "tues", "martes" -> DayOfWeek.TUESDAY;
            case "wednesday", "miercoles" -> DayOfWeek.WEDNESDAY;
            case "thursday", "thu", "thurs", "jueves" -> DayOfWeek.THURSDAY;
            case "friday", "fri", "viernes" -> DayOfWeek.FRIDAY;
            case "saturday", "sabado" -> DayOfWeek.SATURDAY;
            case "sunday", "domingo" -> DayOfWeek.SUNDAY;
            default -> null;
        };
        return Optional.ofNullable(day);
    }

    /** "december", "dec", "diciembre". */
    static Optional<Month> month(String word) {
        Month month = switch (word) {
            case "january", "jan", "enero" -> Month.JANUARY;
            case "february", "feb", "febrero" -> Month.FEBRUARY;
            case "march", "marzo" -> Month.MARCH;
            case "april", "apr", "abril" -> Month.APRIL;
            case "may", "mayo" -> Month.MAY;
            case "june", "jun", "junio" -> Month.JUNE;
            case "july", "jul", "julio" -> Month.JULY;
            case "august", "aug", "agosto" -> Month.AUGUST;
            case "september", "sep", "sept", "septiembre", "setiembre" -> Month.SEPTEMBER;
            case "october", "oct", "octubre" -> Month.OCTOBER;
            case "november", "nov", "noviembre" -> Month.NOVEMBER;
            case "december", "dec", "diciembre" -> Month.DECEMBER;
            default -> null;
        };
        return Optional.ofNullable(month);
    }

    /** The clock a part of the day stands for when no time is said: "tomorrow morning" is 09:00. */
    static Optional<LocalTime> partOfDay(String word) {
        return switch (word) {
            case "morning", "manana" -> Optional.of(LocalTime.of(9, 0));
            case "afternoon", "tarde" -> Optional.of(LocalTime.of(15, 0));
            case "evening" -> Optional.of(LocalTime.of(19, 0));
            case "night", "noche", "tonight" -> Optional.of(LocalTime.of(20, 0));
            default -> Optional.empty();
        };
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

    /** The parts of the day after noon, when "at 8" means 20:00. */
    static boolean isEvening(String partOfDay) {
        return switch (partOfDay) {
            case "evening", "night", "noche", "tarde", "afternoon" -> true;
            default -> false;
        };
    }
}
