package com.todoapi.agent.builtin.when;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the time words of a message, in English or Spanish, relative to the turn's time in the
 * person's zone. Only whole phrases at the start or the end of a text count ("call John
 * tomorrow at 5pm", "mañana a las 5 de la tarde llamar a Juan"), and the longest wins; words it
 * cannot read are left where they are, so an unknown time stays in the title.
 */
public final class WhenParser {
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s,;:\\-\u2013\u2014]+|[\\s,;:\\-\u2013\u2014]+$");
    private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    /** Words that make the day after them part of the title: "the email from monday", "notes of friday". */
    private static final Pattern BELONGS_TO_THE_TITLE = Pattern.compile(
            "(?:^|\\s)(?:from|since|of|about|after|than|like|with|desde|sobre|tras|como)$", Pattern.CASE_INSENSITIVE);
    /** Titles are short; a phrase of time words is shorter still. */
    private static final int MAX_PHRASE_WORDS = 12;

    private final PhraseReader reader;

    public WhenParser(ZonedDateTime now) {
        this.reader = new PhraseReader(now);
    }

    /** The whole text as time words ("friday", "el lunes a las 9"), or empty. */
    public Optional<Schedule> whole(String text) {
        List<Word> words = words(text);
        return words.size() > MAX_PHRASE_WORDS ? Optional.empty() : reader.read(folded(words, 0, words.size()));
    }

    /** Time words at the end of the text, else at its start, with what is left; nothing when no words would be left. */
    public Optional<Found> atEnds(String text) {
        List<Word> words = words(text);
        for (int from = Math.max(1, words.size() - MAX_PHRASE_WORDS); from < words.size(); from++) {
            Optional<Schedule> schedule = reader.read(folded(words, from, words.size()));
            if (schedule.isPresent()) {
                String rest = tidy(text.substring(0, words.get(from).start()));
                if (BELONGS_TO_THE_TITLE.matcher(rest).find()) {
                    return Optional.empty();
                }
                if (HAS_LETTER_OR_DIGIT.matcher(rest).find()) {
                    return Optional.of(new Found(schedule.get(), rest));
                }
            }
        }
        for (int to = Math.min(words.size() - 1, MAX_PHRASE_WORDS); to >= 1; to--) {
            Optional<Schedule> schedule = reader.read(folded(words, 0, to));
            if (schedule.isPresent()) {
                String rest = tidy(text.substring(words.get(to - 1).end()));
                if (HAS_LETTER_OR_DIGIT.matcher(rest).find()) {
                    return Optional.of(new Found(schedule.get(), rest));
                }
            }
        }
        return Optional.empty();
    }

    private record Word(String text, int start, int end) {
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher word = WORD.matcher(text == null ? "" : text);
        while (word.find()) {
            words.add(new Word(word.group(), word.start(), word.end()));
        }
        return words;
    }

    /** Folded words; "5 pm," splits no further, but "5pm" and "5:30" stay one word each. */
    private static List<String> folded(List<Word> words, int from, int to) {
        List<String> folded = new ArrayList<>();
        for (Word word : words.subList(from, to)) {
            String text = TimeWords.fold(word.text());
            if (!text.isEmpty()) {
                folded.add(text);
            }
        }
        return folded;
    }

    private static String tidy(String rest) {
        return EDGE_PUNCTUATION.matcher(rest).replaceAll("");
    }
}
