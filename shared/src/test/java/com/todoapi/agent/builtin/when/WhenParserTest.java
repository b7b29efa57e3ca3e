package com.todoapi.agent.builtin.when;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time words against a fixed clock: Saturday 2026-12-05 at 10:30 in Madrid, unless a test
 * says otherwise (a daylight-saving change in New York, a month's end, a year's end).
 */
class WhenParserTest {
    private static final ZonedDateTime SATURDAY_MORNING = ZonedDateTime.of(2026, 12, 5, 10, 30, 0, 0, ZoneId.of("Europe/Madrid"));
    private final WhenParser parser = new WhenParser(SATURDAY_MORNING);

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "today | 2026-12-05",
            "tomorrow | 2026-12-06",
            "tomorrow at 5pm | 2026-12-06T17:00",
            "tomorrow at 5 pm | 2026-12-06T17:00",
            "at 5pm tomorrow | 2026-12-06T17:00",
            "tomorrow at 17:30 | 2026-12-06T17:30",
            "tomorrow morning | 2026-12-06T09:00",
            "tonight | 2026-12-05T20:00",
            "tonight at 8 | 2026-12-05T20:00",
            "at 5pm | 2026-12-05T17:00",
            "at 9am | 2026-12-06T09:00",
            "at noon | 2026-12-05T12:00",
            "at 5 | 2026-12-05T17:00",
            "friday | 2026-12-11",
            "on friday | 2026-12-11",
            "by friday | 2026-12-11",
            "next friday | 2026-12-11",
            "this saturday | 2026-12-05",
            "saturday | 2026-12-12",
            "on tuesday at 3pm | 2026-12-08T15:00",
            "at 3pm on tuesday | 2026-12-08T15:00",
            "next week | 2026-12-07",
            "next month | 2027-01-01",
            "end of the month | 2026-12-31",
            "in 3 days | 2026-12-08",
            "in a week | 2026-12-12",
            "in 2 hours | 2026-12-05T12:30",
            "in 30 minutes | 2026-12-05T11:00",
            "in half an hour | 2026-12-05T11:00",
            "december 24 | 2026-12-24",
            "dec 24th at 6pm | 2026-12-24T18:00",
            "24 december | 2026-12-24",
            "the 24th of december | 2026-12-24",
            "january 3 | 2027-01-03",
            "march 3 2028 | 2028-03-03",
            "the 20th | 2026-12-20",
            "the 1st | 2027-01-01",
            "2026-12-31 | 2026-12-31",
            "hoy | 2026-12-05",
            "mañana | 2026-12-06",
            "mañana a las 5 de la tarde | 2026-12-06T17:00",
            "mañana a las 17:00 | 2026-12-06T17:00",
            "mañana por la mañana | 2026-12-06T09:00",
            "mañana a las 9 de la mañana | 2026-12-06T09:00",
            "pasado mañana | 2026-12-07",
            "esta noche | 2026-12-05T20:00",
            "el viernes | 2026-12-11",
            "para el viernes | 2026-12-11",
            "al viernes | 2026-12-11",
            "el próximo lunes | 2026-12-07",
            "el lunes que viene | 2026-12-07",
            "la semana que viene | 2026-12-07",
            "la próxima semana | 2026-12-07",
            "el 24 de diciembre | 2026-12-24",
            "el día 20 | 2026-12-20",
            "en 2 horas | 2026-12-05T12:30",
            "dentro de 3 días | 2026-12-08",
            "a las 5 de la tarde | 2026-12-05T17:00",
            "al mediodía | 2026-12-05T12:00",
            "fin de mes | 2026-12-31",
    })
    void readsAPhraseOfTimeWords(String words, String due) {
        Optional<Schedule> read = parser.whole(words);
        assertThat(read).as(words).isPresent();
        assertThat(read.get().due().wire()).isEqualTo(due);
        assertThat(read.get().recurrence()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is {1} from {2}")
    @CsvSource(delimiter = '|', value = {
            "every month on the 1st | FREQ=MONTHLY;BYMONTHDAY=1 | 2027-01-01",
            "monthly on the 1st | FREQ=MONTHLY;BYMONTHDAY=1 | 2027-01-01",
            "on the 1st of every month | FREQ=MONTHLY;BYMONTHDAY=1 | 2027-01-01",
            "every month on the last day | FREQ=MONTHLY;BYMONTHDAY=-1 | 2026-12-31",
            "every day | FREQ=DAILY | 2026-12-05",
            "every day at 9am | FREQ=DAILY | 2026-12-06T09:00",
            "every day at 6pm | FREQ=DAILY | 2026-12-05T18:00",
            "daily | FREQ=DAILY | 2026-12-05",
            "every friday | FREQ=WEEKLY;BYDAY=FR | 2026-12-11",
            "every monday and thursday | FREQ=WEEKLY;BYDAY=MO,TH | 2026-12-07",
            "every weekday | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR | 2026-12-07",
            "every other week | FREQ=WEEKLY;INTERVAL=2 | 2026-12-05",
            "every 3 days | FREQ=DAILY;INTERVAL=3 | 2026-12-05",
            "every year on march 3 | FREQ=YEARLY | 2027-03-03",
            "every saturday at 9am | FREQ=WEEKLY;BYDAY=SA | 2026-12-12T09:00",
            "cada mes el día 1 | FREQ=MONTHLY;BYMONTHDAY=1 | 2027-01-01",
            "el día 1 de cada mes | FREQ=MONTHLY;BYMONTHDAY=1 | 2027-01-01",
            "todos los días | FREQ=DAILY | 2026-12-05",
            "todos los lunes | FREQ=WEEKLY;BYDAY=MO | 2026-12-07",
            "cada viernes a las 6 de la tarde | FREQ=WEEKLY;BYDAY=FR | 2026-12-11T18:00",
            "cada 2 semanas | FREQ=WEEKLY;INTERVAL=2 | 2026-12-05",
    })
    void readsARepeat(String words, String rule, String due) {
        Optional<Schedule> read = parser.whole(words);
        assertThat(read).as(words).isPresent();
        assertThat(read.get().recurrence()).contains(rule);
        assertThat(read.get().due().wire()).isEqualTo(due);
    }

    @ParameterizedTest(name = "\"{0}\" is no time")
    @CsvSource(delimiter = '|', value = {"5", "chapter 5", "next", "the", "someday", "first thing", "march",
            "week", "every", "at 25pm", "february 30", "friday night lights", "in 0 days", "13pm"})
    void leavesWhatItCannotReadAlone(String words) {
        assertThat(parser.whole(words)).as(words).isEmpty();
    }

    @Test
    void findsTimeWordsAtEitherEndAndLeavesTheRest() {
        Found end = parser.atEnds("call John tomorrow at 5pm").orElseThrow();
        assertThat(end.rest()).isEqualTo("call John");
        assertThat(end.schedule().due().wire()).isEqualTo("2026-12-06T17:00");
        Found start = parser.atEnds("mañana a las 5 de la tarde llamar a Juan").orElseThrow();
        assertThat(start.rest()).isEqualTo("llamar a Juan");
        assertThat(start.schedule().due().wire()).isEqualTo("2026-12-06T17:00");
        Found repeat = parser.atEnds("pay rent every month on the 1st").orElseThrow();
        assertThat(repeat.rest()).isEqualTo("pay rent");
        assertThat(repeat.schedule().recurrence()).contains("FREQ=MONTHLY;BYMONTHDAY=1");
        assertThat(parser.atEnds("read chapter 5")).isEmpty();
        assertThat(parser.atEnds("tomorrow")).as("no title would be left").isEmpty();
        assertThat(parser.atEnds("call John first thing")).isEmpty();
        assertThat(parser.atEnds("sit in the sun")).as("sun, sat and wed are words, not days").isEmpty();
        assertThat(parser.atEnds("buy 2 apples")).isEmpty();
        assertThat(parser.atEnds("reply to the email from monday")).as("'from' starts no due date").isEmpty();
    }

    @Test
    void tomorrowIsTheDayAfterTodayInThePersonsZoneAcrossTheUsDaylightSavingChange() {
        // 03:30 UTC on Sunday 8 March 2026 is 22:30 on Saturday 7 March in New York, before the clocks go forward.
        ZonedDateTime newYork = ZonedDateTime.parse("2026-03-08T03:30:00Z").withZoneSameInstant(ZoneId.of("America/New_York"));
        assertThat(new WhenParser(newYork).whole("tomorrow at 5pm").orElseThrow().due().wire()).isEqualTo("2026-03-08T17:00");
        ZonedDateTime utc = ZonedDateTime.parse("2026-03-08T03:30:00Z");
        assertThat(new WhenParser(utc).whole("tomorrow at 5pm").orElseThrow().due().wire()).isEqualTo("2026-03-09T17:00");
    }

    @Test
    void hoursFromNowCountOnTheTimelineOverTheSkippedHour() {
        // 01:30 EST; two hours later it is 04:30 EDT, since 02:00 became 03:00.
        ZonedDateTime beforeTheChange = ZonedDateTime.of(2026, 3, 8, 1, 30, 0, 0, ZoneId.of("America/New_York"));
        assertThat(new WhenParser(beforeTheChange).whole("in 2 hours").orElseThrow().due().wire()).isEqualTo("2026-03-08T04:30");
    }

    @Test
    void monthEndsAndYearEnds() {
        ZonedDateTime lastOfJanuary = ZonedDateTime.of(2027, 1, 31, 12, 0, 0, 0, ZoneId.of("UTC"));
        WhenParser january = new WhenParser(lastOfJanuary);
        assertThat(january.whole("tomorrow").orElseThrow().due().date()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(january.whole("in 1 month").orElseThrow().due().date()).isEqualTo(LocalDate.of(2027, 2, 28));
        // RFC 5545 3.3.10: a BYMONTHDAY beyond a month's length is ignored, so the 31st skips February.
        Schedule thirtyFirst = new WhenParser(lastOfJanuary.plusDays(1)).whole("every month on the 31st").orElseThrow();
        assertThat(thirtyFirst.due().wire()).isEqualTo("2027-03-31");
        assertThat(january.whole("the 30th").orElseThrow().due().date()).isEqualTo(LocalDate.of(2027, 3, 30));
        assertThat(january.whole("end of the month").orElseThrow().due().date()).isEqualTo(LocalDate.of(2027, 1, 31));
        ZonedDateTime newYearsEve = ZonedDateTime.of(2026, 12, 31, 23, 0, 0, 0, ZoneId.of("UTC"));
        assertThat(new WhenParser(newYearsEve).whole("pay rent every month on the 1st".substring(9)).orElseThrow().due().wire())
                .isEqualTo("2027-01-01");
        assertThat(new WhenParser(newYearsEve).whole("in 2 hours").orElseThrow().due().wire()).isEqualTo("2027-01-01T01:00");
        ZonedDateTime leapDay = ZonedDateTime.of(2028, 2, 29, 9, 0, 0, 0, ZoneId.of("UTC"));
        assertThat(new WhenParser(leapDay).whole("in 1 year").orElseThrow().due().date()).isEqualTo(LocalDate.of(2029, 2, 28));
    }
}
