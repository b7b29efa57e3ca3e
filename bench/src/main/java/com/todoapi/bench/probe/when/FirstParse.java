package com.todoapi.bench.probe.when;

import com.joestelmach.natty.DateGroup;
import com.joestelmach.natty.Parser;
import com.todoapi.agent.builtin.when.WhenParser;
import org.ocpsoft.prettytime.nlp.PrettyTimeParser;

import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

/**
 * One date parser's first parse in a fresh JVM, as a function's first chat turn would pay it:
 * {@code java FirstParse natty|prettytime|ours} reads "tomorrow at 5pm", checks the answer is
 * tomorrow at 17:00 (the JVM runs in UTC), then tries the Spanish "mañana a las 5 de la tarde".
 * Prints {@code millis classes english-right spanish-right}: the first parse's time from main,
 * the classes loaded by then, and whether each answer was right.
 */
public final class FirstParse {
    private static final String ENGLISH = "tomorrow at 5pm";
    private static final String SPANISH = "mañana a las 5 de la tarde";

    private FirstParse() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        LocalDateTime expected = LocalDateTime.now(ZoneOffset.UTC).toLocalDate().plusDays(1).atTime(17, 0);
        LocalDateTime english = parse(args[0], ENGLISH);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        LocalDateTime spanish = parse(args[0], SPANISH);
        System.out.println(millis + " " + classes + " " + expected.equals(english) + " " + expected.equals(spanish));
    }

    /** The first date the parser reads in the text, in UTC; null when it reads none. */
    private static LocalDateTime parse(String variant, String text) {
        return switch (variant) {
            case "natty" -> {
                List<DateGroup> groups = new Parser().parse(text);
                yield groups.isEmpty() || groups.get(0).getDates().isEmpty() ? null : utc(groups.get(0).getDates().get(0));
            }
            case "prettytime" -> {
                List<Date> dates = new PrettyTimeParser().parse(text);
                yield dates.isEmpty() ? null : utc(dates.get(0));
            }
            case "ours" -> new WhenParser(ZonedDateTime.now(ZoneOffset.UTC)).whole(text)
                    .map(schedule -> schedule.due().time().map(schedule.due().date()::atTime).orElse(null)).orElse(null);
            default -> throw new IllegalArgumentException("natty, prettytime or ours");
        };
    }

    private static LocalDateTime utc(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), ZoneId.of("UTC")).withSecond(0).withNano(0);
    }
}
